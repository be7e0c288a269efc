import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import type { AlertListsFreshness, ListFreshness } from '../../../main/common/contract/alert-lists.js';
import { freshnessNotices, listAge } from '../../../renderer/app/list-freshness-text.js';
import { CATALOGUES } from '../../../renderer/i18n/catalogues/index.js';
import type { Translate } from '../../../renderer/i18n/translate.js';
import type { Language } from '../../../renderer/i18n/languages.js';

const HOUR = 3_600_000;

/** The catalogue's own messages through FormatJS, as the screen formats them. */
function translate(language: Language): Translate {
  const intl = createIntl({ locale: language, messages: CATALOGUES[language] });
  return (id, values) => intl.formatMessage({ id }, values);
}

function list(kind: string, state: ListFreshness['state'], ageMs: number | null): ListFreshness {
  return { kind, version: state === 'unavailable' ? 0 : 1, vouchedAt: ageMs === null ? null : '2026-12-01T00:00:00.000Z', ageMs, state };
}

function freshness(...lists: ListFreshness[]): AlertListsFreshness {
  return { at: '2026-12-07T00:00:00.000Z', maxAgeMs: 24 * HOUR, lists };
}

describe('what the status bar says of the alert lists', () => {
  it('names each stale list with its age, and each list never received; nothing for fresh ones', () => {
    const t = translate('en');
    expect(freshnessNotices(freshness(list('document-list', 'fresh', HOUR), list('person-list', 'stale', 74 * HOUR)), t)).toEqual({ stale: ['Person list 3 days old'], missing: [] });
    expect(freshnessNotices(freshness(list('document-list', 'unavailable', null), list('person-list', 'stale', 25 * HOUR)), t)).toEqual({
      stale: ['Person list 25 hours old'],
      missing: ['No document list yet'],
    });
    expect(freshnessNotices(undefined, t)).toEqual({ stale: [], missing: [] });
  });

  it('counts whole hours below two days and whole days from then on, rounded down', () => {
    const t = translate('en');
    expect(listAge('document-list', 1 * HOUR + 59 * 60_000, t)).toBe('Document list 1 hour old');
    expect(listAge('document-list', 48 * HOUR - 1, t)).toBe('Document list 47 hours old');
    expect(listAge('document-list', 48 * HOUR, t)).toBe('Document list 2 days old');
    expect(listAge('person-list', 24 * 21 * HOUR, t)).toBe('Person list 21 days old');
  });

  it('says a list kind this screen does not know by its name', () => {
    expect(listAge('vehicle-list', 3 * 24 * HOUR, translate('en'))).toBe('List vehicle-list 3 days old');
    expect(freshnessNotices(freshness(list('vehicle-list', 'unavailable', null)), translate('ru')).missing).toEqual(['Списка vehicle-list ещё нет']);
  });

  it('uses each language\'s plurals', () => {
    const ru = translate('ru');
    expect([1, 3, 5, 21, 22].map((days) => listAge('person-list', days * 24 * HOUR + (days < 2 ? 24 * HOUR : 0), ru))).toEqual([
      'Список лиц не обновлялся 2 дня',
      'Список лиц не обновлялся 3 дня',
      'Список лиц не обновлялся 5 дней',
      'Список лиц не обновлялся 21 день',
      'Список лиц не обновлялся 22 дня',
    ]);
    expect([1, 2, 5, 21].map((hours) => listAge('document-list', hours * HOUR, ru))).toEqual([
      'Список документов не обновлялся 1 час',
      'Список документов не обновлялся 2 часа',
      'Список документов не обновлялся 5 часов',
      'Список документов не обновлялся 21 час',
    ]);
    const hy = translate('hy');
    expect(listAge('person-list', 3 * 24 * HOUR, hy)).toBe('Անձանց ցուցակը չի թարմացվել 3 օր');
    expect(listAge('document-list', 1 * HOUR, hy)).toBe('Փաստաթղթերի ցուցակը չի թարմացվել 1 ժամ');
  });
});
