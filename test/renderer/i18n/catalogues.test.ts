import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/i18n/catalogues/en.js';
import { hy } from '../../../renderer/i18n/catalogues/hy.js';
import { ru } from '../../../renderer/i18n/catalogues/ru.js';

const CATALOGUES = { hy, ru, en } as const;

/** Every argument a message takes, with plural and select branches walked. */
function argumentsOf(elements: readonly MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time) into.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      into.add(element.value);
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
    if (element.type === TYPE.tag) argumentsOf(element.children, into);
  }
  return into;
}

describe('the message catalogues', () => {
  it('hold the same keys in every language', () => {
    const all = new Set(Object.values(CATALOGUES).flatMap((catalogue) => Object.keys(catalogue)));
    for (const [language, catalogue] of Object.entries(CATALOGUES)) {
      const missing = [...all].filter((key) => !Object.hasOwn(catalogue, key));
      expect(missing, `${language} lacks`).toEqual([]);
    }
  });

  it('are valid ICU messages that take the same arguments as the English', () => {
    for (const [key, source] of Object.entries(en)) {
      const expected = [...argumentsOf(parse(source))].sort();
      for (const [language, catalogue] of Object.entries(CATALOGUES)) {
        const message = (catalogue as Readonly<Record<string, string>>)[key] ?? '';
        expect([...argumentsOf(parse(message))].sort(), `${language} ${key}`).toEqual(expected);
      }
    }
  });

  it('give Russian plurals every category Russian needs', () => {
    for (const [key, message] of Object.entries(ru)) {
      for (const element of parse(message)) {
        if (element.type === TYPE.plural) expect(Object.keys(element.options), key).toEqual(expect.arrayContaining(['one', 'few', 'many', 'other']));
      }
    }
  });

  it('are translated: no Armenian or Russian message is the English one, beyond names and codes', () => {
    const same = (catalogue: Readonly<Record<string, string>>): string[] =>
      Object.entries(en)
        // Patterns such as YYYY-MM-DD and codes are the same everywhere; words are not.
        .filter(([key, source]) => catalogue[key] === source && /\p{Ll}{4,}/u.test(source.replace(/\{[^}]*\}/g, '')))
        .map(([key]) => key)
        .filter((key) => !key.startsWith('language.'));
    expect(same(hy)).toEqual([]);
    expect(same(ru)).toEqual([]);
  });
});
