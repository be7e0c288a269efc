import { MRZ_FORMATS, type MrzFormat } from '../../../main/common/icao/index.js';
import { DocumentGenerator } from '../../../drivers/simulator/document-generator.js';
import type { Framing, FramingName } from '../../../drivers/framing/framings.js';
import { deskoFraming } from '../../../drivers/framing/framings.js';

/** ICAO Doc 9303 Part 4's specimen passport (Utopia). */
export const SPECIMEN_TD3: readonly string[] = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
/** ICAO Doc 9303 Part 5's specimen identity card (Utopia). */
export const SPECIMEN_TD1: readonly string[] = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];

export const TODAY = new Date(Date.UTC(2025, 5, 15));

/** Distinct, valid documents of generated travellers, cycling through the given formats. */
export function generatedDocuments(count: number, seed = 1, formats: readonly MrzFormat[] = MRZ_FORMATS): string[][] {
  const generator = new DocumentGenerator({ formats, invalid: 0, expired: 0, corrected: 0, alerts: 0, seed }, () => TODAY);
  return Array.from({ length: count }, () => [...generator.next().lines]);
}

export function framingNamed(name: FramingName): Framing {
  return name === 'desko' ? deskoFraming(undefined, undefined) : { kind: name };
}
