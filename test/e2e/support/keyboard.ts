import type { Page } from 'playwright-core';

/** What a Russian (ЙЦУКЕН) layout puts in `.key` for each physical key a wedge presses. */
const RUSSIAN_KEYS: Readonly<Record<string, string>> = {
  Q: 'й', W: 'ц', E: 'у', R: 'к', T: 'е', Y: 'н', U: 'г', I: 'ш', O: 'щ', P: 'з', A: 'ф', S: 'ы', D: 'в', F: 'а', G: 'п', H: 'р', J: 'о',
  K: 'л', L: 'д', Z: 'я', X: 'ч', C: 'с', V: 'м', B: 'и', N: 'т', M: 'ь',
};

interface WedgeKey {
  readonly code: string;
  readonly key: string;
  readonly shiftKey: boolean;
}

/** The key presses of a US-keyboard wedge typing these lines, as an OS with a Russian layout reports them. */
export function wedgeKeysUnderRussianLayout(lines: readonly string[]): WedgeKey[] {
  return Array.from(`${lines.join('\n')}\n`).flatMap((character): WedgeKey[] => {
    if (character === '\n') return [{ code: 'Enter', key: 'Enter', shiftKey: false }];
    if (character === '<') return [{ code: 'ShiftLeft', key: 'Shift', shiftKey: true }, { code: 'Comma', key: 'Б', shiftKey: true }];
    if (/\d/.test(character)) return [{ code: `Digit${character}`, key: character, shiftKey: false }];
    return [{ code: `Key${character}`, key: RUSSIAN_KEYS[character] ?? character, shiftKey: false }];
  });
}

/** Types as a wedge does: key after key within a millisecond or two, into the page outside any field. */
export async function typeLikeWedge(page: Page, keys: readonly WedgeKey[]): Promise<void> {
  // Page code as text: the tests are type-checked without the DOM library.
  await page.evaluate(`for (const press of ${JSON.stringify(keys)}) {
    document.body.dispatchEvent(new KeyboardEvent('keydown', { ...press, bubbles: true, cancelable: true }));
    document.body.dispatchEvent(new KeyboardEvent('keyup', { ...press, bubbles: true, cancelable: true }));
  }`);
}
