import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DUMP_ROWS, DUMP_ROW_BYTES, HexDump, bytesOfHex, printable } from '../../../renderer/readers/hex-dump.js';

const AT = '2026-05-01T10:00:00.000Z';
const bytes = (text: string): Uint8Array => Uint8Array.from(text, (character) => character.charCodeAt(0));

describe('the raw monitor’s hex dump', () => {
  it('shows 16 bytes a row as hex and as text, control bytes as dots', () => {
    const dump = new HexDump();
    dump.append(Uint8Array.of(0x02, ...bytes('P<UTOERIKSSON<<ANNA'), 0x0d, 0x03), AT);
    const rows = dump.rows();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({ offset: 0, at: AT, hex: '02 50 3c 55 54 4f 45 52  49 4b 53 53 4f 4e 3c 3c', text: '.P<UTOERIKSSON<<', droppedBefore: 0 });
    expect(rows[1]?.offset).toBe(16);
    expect(rows[1]?.text).toBe('ANNA..');
    // Padded to a whole row, so the text column lines up under the one above.
    expect(rows[1]?.hex).toHaveLength(rows[0]?.hex.length ?? 0);
    expect(rows[1]?.hex.startsWith('41 4e 4e 41 0d 03')).toBe(true);
  });

  it('fills the last row from the next chunk, keeping the time of its first byte', () => {
    const dump = new HexDump();
    dump.append(bytes('abc'), AT);
    dump.append(bytes('def'), '2026-05-01T10:00:01.000Z');
    expect(dump.rows()).toEqual([expect.objectContaining({ offset: 0, at: AT, text: 'abcdef' })]);
  });

  it('starts a row after bytes the core left out, and says how many', () => {
    const dump = new HexDump();
    dump.append(bytes('abc'), AT);
    dump.skip(500);
    dump.append(bytes('xyz'), AT);
    expect(dump.rows().map((row) => [row.offset, row.text, row.droppedBefore])).toEqual([
      [0, 'abc', 0],
      [3, 'xyz', 500],
    ]);
  });

  it('hands back the same view of a row that did not change, so the screen does not draw it again', () => {
    const dump = new HexDump();
    dump.append(new Uint8Array(40), AT);
    const before = dump.rows();
    dump.append(new Uint8Array(1), AT);
    const after = dump.rows();
    expect(after[0]).toBe(before[0]);
    expect(after[1]).toBe(before[1]);
    expect(after[2]).not.toBe(before[2]);
  });

  it('keeps only the last rows, however much comes: a minute at 115,200 baud in 100 ms events', () => {
    const dump = new HexDump();
    const event = new Uint8Array(1152).map((_, index) => index % 256);
    for (let index = 0; index < 600; index += 1) dump.append(event, AT);
    const rows = dump.rows();
    expect(rows).toHaveLength(DUMP_ROWS);
    expect(dump.bytesShown).toBe(600 * 1152);
    expect(rows.at(-1)?.offset).toBe(600 * 1152 - DUMP_ROW_BYTES);
    expect(rows[0]?.offset).toBe(600 * 1152 - DUMP_ROWS * DUMP_ROW_BYTES);
  });

  it('holds the last bytes in order for any chunking', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 80 }), { maxLength: 60 }), fc.integer({ min: 1, max: 8 }), (chunks, capacity) => {
        const dump = new HexDump(capacity);
        for (const chunk of chunks) dump.append(chunk, AT);
        const all = chunks.flatMap((chunk) => [...chunk]);
        const rows = dump.rows();
        expect(rows.length).toBeLessThanOrEqual(capacity);
        const shown = rows.flatMap((row) => row.hex.split(/ +/).filter((pair) => pair !== '').map((pair) => Number.parseInt(pair, 16)));
        expect(shown).toEqual(all.slice(all.length - shown.length));
        expect(rows.map((row) => row.offset)).toEqual(rows.map((_, index) => (rows[0]?.offset ?? 0) + index * DUMP_ROW_BYTES));
        expect(dump.bytesShown).toBe(all.length);
      }),
    );
  });

  it('forgets everything on clear', () => {
    const dump = new HexDump();
    dump.append(bytes('abc'), AT);
    dump.skip(3);
    dump.clear();
    expect(dump.rows()).toEqual([]);
    dump.append(bytes('d'), AT);
    expect(dump.rows()).toEqual([expect.objectContaining({ offset: 0, text: 'd', droppedBefore: 0 })]);
  });

  it('reads the contract’s hex and prints only printable ASCII', () => {
    expect([...bytesOfHex('00ff0d0a41')]).toEqual([0, 255, 13, 10, 65]);
    expect(bytesOfHex('')).toHaveLength(0);
    expect([0x1f, 0x20, 0x7e, 0x7f, 0xc3].map(printable).join('')).toBe('. ~..');
  });
});
