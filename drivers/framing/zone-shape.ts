/**
 * Which line sets may reach the MRZ engine. A reader sends a zone as 2 lines of 44 (TD3), 2 of
 * 36 (TD2, MRV-B… and MRV-A's 44) or 3 of 30 (TD1); OCR may drop or add a character or two, so a
 * line of 28 to 46 characters is still worth parsing. Anything else is noise, and letting it
 * through would show the guard a "scan" that no document produced.
 */

const MIN_LINE = 28;
const MAX_LINE = 46;

/** How many lines a zone whose lines have this exact length has, or null for other lengths. */
export function zoneLineCount(lineLength: number): number | null {
  if (lineLength === 30) return 3;
  if (lineLength === 36 || lineLength === 44) return 2;
  return null;
}

export function isPlausibleZoneLine(line: string): boolean {
  return line.length >= MIN_LINE && line.length <= MAX_LINE;
}

/** Two or three lines of zone-like length: a document the MRZ engine should judge. */
export function isPlausibleZone(lines: readonly string[]): boolean {
  return lines.length >= 2 && lines.length <= 3 && lines.every(isPlausibleZoneLine);
}

/**
 * Lines that are the beginning of a regular zone but not all of it (one line of 44, two of 30):
 * what an unplug or a timeout leaves behind. Such a prefix must never be taken for a document.
 */
export function isIncompleteRegularZone(lines: readonly string[]): boolean {
  const first = lines[0];
  if (first === undefined) return false;
  const expected = zoneLineCount(first.length);
  return expected !== null && lines.length < expected && lines.every((line) => line.length === first.length);
}
