import { ChipProtocolError } from './chip-errors.js';
import { readTlv, readTlvs } from './tlv.js';

/** The data groups' tags as EF.COM lists them (Doc 9303-10, 4.6.1). */
const DATA_GROUP_TAGS: ReadonlyMap<number, string> = new Map([
  [0x61, 'DG1'], [0x75, 'DG2'], [0x63, 'DG3'], [0x76, 'DG4'], [0x65, 'DG5'], [0x66, 'DG6'], [0x67, 'DG7'], [0x68, 'DG8'],
  [0x69, 'DG9'], [0x6a, 'DG10'], [0x6b, 'DG11'], [0x6c, 'DG12'], [0x6d, 'DG13'], [0x6e, 'DG14'], [0x6f, 'DG15'], [0x70, 'DG16'],
]);

/** The data groups EF.COM says the chip holds, in its order. */
export function dataGroupsOf(com: Buffer): string[] {
  const file = readTlv(com);
  if (file.tag !== 0x60) throw new ChipProtocolError(`EF.COM starts with tag ${file.tag.toString(16).toUpperCase()}, not 60`);
  const list = readTlvs(file.value).find((object) => object.tag === 0x5c);
  if (list === undefined) throw new ChipProtocolError('EF.COM has no list of data groups (tag 5C)');
  return [...list.value].map((tag) => DATA_GROUP_TAGS.get(tag) ?? `tag ${tag.toString(16).toUpperCase()}`);
}

/** How long each line of each MRZ format is, by the length of the whole zone DG1 holds. */
const LINE_LENGTH_BY_ZONE: ReadonlyMap<number, number> = new Map([
  [90, 30],
  [72, 36],
  [88, 44],
]);

/** The MRZ DG1 holds (tag 61, then 5F1F), split into its printed lines for the MRZ engine. */
export function mrzOfDg1(dg1: Buffer): string {
  const file = readTlv(dg1);
  if (file.tag !== 0x61) throw new ChipProtocolError(`DG1 starts with tag ${file.tag.toString(16).toUpperCase()}, not 61`);
  const zone = readTlvs(file.value).find((object) => object.tag === 0x5f1f);
  if (zone === undefined) throw new ChipProtocolError('DG1 holds no MRZ (tag 5F1F)');
  const text = zone.value.toString('latin1');
  const lineLength = LINE_LENGTH_BY_ZONE.get(text.length);
  if (lineLength === undefined || !/^[A-Z0-9<]+$/.test(text)) throw new ChipProtocolError(`DG1's MRZ is ${String(text.length)} characters of ${/^[A-Z0-9<]*$/.test(text) ? 'MRZ text' : 'other text'}, not a TD1, TD2 or TD3 zone`);
  const lines: string[] = [];
  for (let at = 0; at < text.length; at += lineLength) lines.push(text.slice(at, at + lineLength));
  return lines.join('\n');
}
