import { parseMrz, type MrzParsedResult } from '../../common/icao/index.js';
import { InvalidRequestError } from '../errors/domain-errors.js';

/** What a crossing record keeps of the lines as read (DocumentSnapshot.lines). */
const MAX_LINES = 3;
const MAX_LINE_LENGTH = 64;

/**
 * A zone a keyboard-wedge reader typed, as the UI's decoder gathered it (lines
 * ended by CR or LF), through the same MRZ engine as a reader's frame. Anything
 * that is not a zone is the guard's to hear about, never a crash.
 */
export function wedgeZone(text: string, today: Date): { result: MrzParsedResult; lines: string[] } {
  const result = parseMrz(text, { today });
  if (result.format === null) {
    // The engine's message describes the shape only (line count and lengths), never the text.
    const why = result.errors[0]?.message ?? 'not a machine-readable zone';
    throw new InvalidRequestError(`the keyboard-wedge reader did not type a machine-readable zone: ${why}`);
  }
  return { result, lines: linesAsTyped(text, result.format === 'TD1' ? 3 : 2) };
}

/**
 * The lines as the reader typed them, so that an altered zone stays visible as
 * altered; a zone typed as one run (no line ends) is cut into its rows.
 */
function linesAsTyped(text: string, rows: number): string[] {
  const lines = text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
  if (lines.length <= MAX_LINES && lines.every((line) => line.length <= MAX_LINE_LENGTH)) return lines;
  const run = lines.join('').replace(/\s+/g, '');
  const length = Math.ceil(run.length / rows);
  return Array.from({ length: rows }, (_unused, row) => run.slice(row * length, (row + 1) * length).slice(0, MAX_LINE_LENGTH)).filter((line) => line !== '');
}
