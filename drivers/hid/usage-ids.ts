/**
 * Keyboard usage IDs (USB HID Usage Tables, page 0x07) and the characters their legends name, as
 * [unshifted, shifted]. A wedge reader sends usage IDs, not characters; decoding them here, rather
 * than letting the OS apply its keyboard layout, is what makes `P<UTO…` arrive as `P<UTO…` on a
 * kiosk set to Armenian or Russian. Readers must be left at their default (US) keyboard setting.
 */

export const ENTER = 0x28;
export const KEYPAD_ENTER = 0x58;
/** Sent in every key slot when more keys are held than the report can carry (phantom state). */
export const ERROR_ROLL_OVER = 0x01;

const LEFT_SHIFT = 0x02;
const RIGHT_SHIFT = 0x20;

export function isShifted(modifiers: number): boolean {
  return (modifiers & (LEFT_SHIFT | RIGHT_SHIFT)) !== 0;
}

const TABLE = new Map<number, readonly [string, string]>();

for (let index = 0; index < 26; index++) {
  const letter = String.fromCharCode(0x61 + index);
  TABLE.set(0x04 + index, [letter, letter.toUpperCase()]);
}
const DIGITS_SHIFTED = '!@#$%^&*(';
for (let index = 0; index < 9; index++) TABLE.set(0x1e + index, [String(index + 1), DIGITS_SHIFTED.charAt(index)]);
TABLE.set(0x27, ['0', ')']);
TABLE.set(0x2c, [' ', ' ']);
const PUNCTUATION: readonly (readonly [number, string, string])[] = [
  [0x2d, '-', '_'],
  [0x2e, '=', '+'],
  [0x2f, '[', '{'],
  [0x30, ']', '}'],
  [0x31, '\\', '|'],
  [0x32, '#', '~'],
  [0x33, ';', ':'],
  [0x34, "'", '"'],
  [0x35, '`', '~'],
  [0x36, ',', '<'],
  [0x37, '.', '>'],
  [0x38, '/', '?'],
  [0x54, '/', '/'],
  [0x55, '*', '*'],
  [0x56, '-', '-'],
  [0x57, '+', '+'],
  [0x63, '.', '.'],
  [0x64, '\\', '|'],
];
for (const [usage, plain, shifted] of PUNCTUATION) TABLE.set(usage, [plain, shifted]);
// Keypad digits: 1-9 then 0, the same whatever Shift says (Num Lock is assumed on, as readers expect).
for (let index = 0; index < 9; index++) TABLE.set(0x59 + index, [String(index + 1), String(index + 1)]);
TABLE.set(0x62, ['0', '0']);

/** The character a key with this usage ID types, or undefined for keys that type nothing we keep (Tab, F-keys…). */
export function characterOf(usage: number, shifted: boolean): string | undefined {
  const entry = TABLE.get(usage);
  return entry === undefined ? undefined : entry[shifted ? 1 : 0];
}
