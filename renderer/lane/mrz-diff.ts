import type { DocumentSnapshot } from '../../main/common/contract/crossing.js';
import { formatMrz } from '../../main/common/icao/index.js';

export interface ZoneCharacter {
  readonly read: string;
  /** What the engine took it as, when it corrected this character. */
  readonly corrected?: string;
}

/**
 * The zone as read, each corrected character marked with what it became. The
 * corrected zone is rebuilt from the engine's fields; positions are marked only
 * when the difference is exactly the engine's corrections, so an odd document
 * is shown as read rather than marked wrongly. A zone is ASCII, so splitting
 * it by code unit is exact.
 */
export function zoneWithCorrections(document: DocumentSnapshot): ZoneCharacter[][] {
  const asRead = document.lines.map((line) => Array.from(line).map((read): ZoneCharacter => ({ read })));
  if (document.corrections.length === 0) return asRead;
  let rebuilt: string[];
  try {
    const { fields } = document;
    rebuilt = formatMrz({ ...fields, sex: fields.sex }, document.format).split('\n');
  } catch {
    return asRead;
  }
  const marked = document.lines.map((line, row) =>
    Array.from(line).map((read, column): ZoneCharacter => {
      const corrected = rebuilt[row]?.[column];
      return corrected !== undefined && corrected !== read ? { read, corrected } : { read };
    }),
  );
  const differences = marked.flat().filter((character) => character.corrected !== undefined).length;
  return differences === document.corrections.length ? marked : asRead;
}
