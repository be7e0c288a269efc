/**
 * An independent, deliberately plain restatement of Doc 9303's check-digit rules, written from the
 * specification rather than from the engine, to decide in property tests whether a changed zone
 * is one the check-digit scheme can tell from the original.
 */

const VALUES = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function referenceCheckDigit(text: string): string {
  let sum = 0;
  for (let index = 0; index < text.length; index++) {
    const character = text.charAt(index);
    const value = character === '<' ? 0 : VALUES.indexOf(character);
    if (value < 0) return '?';
    sum += value * ([7, 3, 1][index % 3] ?? 0);
  }
  return String(sum % 10);
}

function holds(protectedText: string, checkDigit: string): boolean {
  return referenceCheckDigit(protectedText) === checkDigit;
}

/** TD1 and TD2: a `<` in place of the check digit continues the number in the optional data. */
function documentNumberHolds(principal: string, checkDigit: string, optional: string): boolean {
  if (checkDigit !== '<') return holds(principal, checkDigit);
  if (principal.endsWith('<')) return false;
  const filler = optional.indexOf('<');
  const end = filler < 0 ? optional.length : filler;
  if (end < 2) return false;
  const remainder = optional.slice(0, end - 1);
  const digit = optional.charAt(end - 1);
  return holds(principal + remainder, digit) || holds(`${principal}<${remainder}`, digit);
}

/** Whether every check digit of the zone holds, the format told by shape and a leading `V` as the engine must. */
export function referenceCheckDigitsHold(lines: readonly string[]): boolean {
  const [first = '', second = '', third = ''] = lines;
  const isVisa = first.startsWith('V');
  if (lines.length === 3) {
    return (
      documentNumberHolds(first.slice(5, 14), first.charAt(14), first.slice(15, 30)) &&
      holds(second.slice(0, 6), second.charAt(6)) &&
      holds(second.slice(8, 14), second.charAt(14)) &&
      holds(first.slice(5, 30) + second.slice(0, 7) + second.slice(8, 15) + second.slice(18, 29), second.charAt(29)) &&
      third.length === 30
    );
  }
  const datesHold = holds(second.slice(13, 19), second.charAt(19)) && holds(second.slice(21, 27), second.charAt(27));
  if (second.length === 36) {
    if (isVisa) return holds(second.slice(0, 9), second.charAt(9)) && datesHold;
    return (
      documentNumberHolds(second.slice(0, 9), second.charAt(9), second.slice(28, 35)) &&
      datesHold &&
      holds(second.slice(0, 10) + second.slice(13, 20) + second.slice(21, 35), second.charAt(35))
    );
  }
  if (isVisa) return holds(second.slice(0, 9), second.charAt(9)) && datesHold;
  const personalNumber = second.slice(28, 42);
  const personalHolds = /^<+$/.test(personalNumber)
    ? second.charAt(42) === '<' || second.charAt(42) === '0'
    : holds(personalNumber, second.charAt(42));
  return (
    holds(second.slice(0, 9), second.charAt(9)) &&
    datesHold &&
    personalHolds &&
    holds(second.slice(0, 10) + second.slice(13, 20) + second.slice(21, 43), second.charAt(43))
  );
}
