/**
 * The raw monitor's memory: the last rows of a reader's byte stream, 16 bytes a row as xxd shows
 * them. A fixed ring of rows whose buffers are reused, so that a reader sending at 115,200 baud for
 * hours holds the same few kilobytes as one that sent a single document.
 */

export const DUMP_ROW_BYTES = 16;
/** 4 KiB: several documents, and a screenful of noise around them. */
export const DUMP_ROWS = 256;

/** One row as the screen draws it. A complete row's view is the same object from call to call. */
export interface DumpRow {
  /** Bytes shown before this row since the monitor opened or was cleared. */
  readonly offset: number;
  /** When the row's first byte came. */
  readonly at: string;
  /** `50 3c 55 54  4f …`, padded to a whole row so that the text column lines up. */
  readonly hex: string;
  /** Printable ASCII as is; every other byte (CR, LF, STX, ETX…) as `.`, as xxd does. */
  readonly text: string;
  /** Bytes the core left out just before this row (it starts a row of its own, so no row joins both sides of a gap). */
  readonly droppedBefore: number;
}

interface Row {
  offset: number;
  at: string;
  readonly bytes: Uint8Array;
  length: number;
  droppedBefore: number;
  view: DumpRow | undefined;
}

/** `503c55` -> bytes; the contract holds the text to pairs of lower-case hex digits. */
export function bytesOfHex(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length >> 1);
  for (let index = 0; index < bytes.length; index += 1) bytes[index] = Number.parseInt(hex.slice(index * 2, index * 2 + 2), 16);
  return bytes;
}

/** A byte as the text column shows it. */
export function printable(byte: number): string {
  return byte >= 0x20 && byte <= 0x7e ? String.fromCharCode(byte) : '.';
}

function viewOf(row: Row): DumpRow {
  let hex = '';
  let text = '';
  for (let index = 0; index < DUMP_ROW_BYTES; index += 1) {
    // A wider gap after the eighth byte, as hexdump -C: easier to count along a row.
    if (index > 0) hex += index === DUMP_ROW_BYTES / 2 ? '  ' : ' ';
    const byte = row.bytes[index];
    if (index < row.length && byte !== undefined) {
      hex += byte.toString(16).padStart(2, '0');
      text += printable(byte);
    } else {
      hex += '  ';
    }
  }
  return { offset: row.offset, at: row.at, hex, text, droppedBefore: row.droppedBefore };
}

export class HexDump {
  private readonly ring: Row[] = [];
  /** Index in `ring` of the oldest row. */
  private first = 0;
  private shown = 0;
  /** Bytes left out since the last row opened: the next byte starts a row after the gap. */
  private gap = 0;

  constructor(private readonly capacity = DUMP_ROWS) {}

  /** Bytes appended since the monitor opened or was cleared, the ones scrolled out of the ring included. */
  get bytesShown(): number {
    return this.shown;
  }

  append(bytes: Uint8Array, at: string): void {
    let from = 0;
    while (from < bytes.length) {
      const row = this.openRow(at);
      const take = Math.min(DUMP_ROW_BYTES - row.length, bytes.length - from);
      row.bytes.set(bytes.subarray(from, from + take), row.length);
      row.length += take;
      row.view = undefined;
      from += take;
      this.shown += take;
    }
  }

  /** The core left bytes out here. */
  skip(count: number): void {
    this.gap += count;
  }

  /** The rows, oldest first. */
  rows(): DumpRow[] {
    const rows: DumpRow[] = [];
    for (let index = 0; index < this.ring.length; index += 1) {
      const row = this.ring[(this.first + index) % this.ring.length];
      if (row === undefined) continue;
      row.view ??= viewOf(row);
      rows.push(row.view);
    }
    return rows;
  }

  clear(): void {
    this.ring.length = 0;
    this.first = 0;
    this.shown = 0;
    this.gap = 0;
  }

  /** The newest row if it has room, else a new one: a fresh buffer until the ring is full, then the oldest one's. */
  private openRow(at: string): Row {
    const newest = this.ring.length === 0 ? undefined : this.ring[(this.first + this.ring.length - 1) % this.ring.length];
    if (newest !== undefined && newest.length < DUMP_ROW_BYTES && this.gap === 0) return newest;
    const droppedBefore = this.gap;
    this.gap = 0;
    if (this.ring.length < this.capacity) {
      const row: Row = { offset: this.shown, at, bytes: new Uint8Array(DUMP_ROW_BYTES), length: 0, droppedBefore, view: undefined };
      this.ring.push(row);
      return row;
    }
    const oldest = this.ring[this.first];
    if (oldest === undefined) throw new Error('hex dump ring lost a row');
    this.first = (this.first + 1) % this.ring.length;
    oldest.offset = this.shown;
    oldest.at = at;
    oldest.length = 0;
    oldest.droppedBefore = droppedBefore;
    oldest.view = undefined;
    return oldest;
  }
}
