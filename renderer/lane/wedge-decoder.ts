/**
 * Keyboard-wedge readers type the zone as key presses. The character is taken
 * from `KeyboardEvent.code`, the physical key, never `.key`: under an Armenian
 * or Russian layout the same keys produce other letters, and the zone would
 * come out garbled. Wedges emulate a US keyboard, where `<` is Shift+Comma.
 */
export function characterOfKey(code: string, shift: boolean): string | undefined {
  if (/^Key[A-Z]$/.test(code)) return code.slice(3);
  if (/^Digit[0-9]$/.test(code)) return shift ? undefined : code.slice(5);
  if (/^Numpad[0-9]$/.test(code)) return code.slice(6);
  if (code === 'Comma' && shift) return '<';
  // The extra key of ISO keyboards, which some wedges use for the filler.
  if (code === 'IntlBackslash') return '<';
  if (code === 'Enter' || code === 'NumpadEnter') return '\n';
  return undefined;
}

export interface WedgeTiming {
  /** A longer pause between keys ends the burst. */
  readonly maxGapMs: number;
  /** A wedge types faster than this between keys (median); a person does not. */
  readonly maxMedianGapMs: number;
  /** The shortest zone line is 30 characters (TD1). */
  readonly minCharacters: number;
}

export const DEFAULT_WEDGE_TIMING: WedgeTiming = { maxGapMs: 80, maxMedianGapMs: 35, minCharacters: 30 };

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.POSITIVE_INFINITY;
}

/**
 * Collects key presses into bursts and tells a wedge's burst from a person's
 * typing by its pace. `finish` is called after a pause; it answers the zone
 * text when the burst was a wedge's.
 */
export class WedgeDecoder {
  private characters: string[] = [];
  private times: number[] = [];

  constructor(private readonly timing: WedgeTiming = DEFAULT_WEDGE_TIMING) {}

  /** Feeds one key press; answers whether it belongs to a burst in progress. */
  press(code: string, shift: boolean, atMs: number): boolean {
    // Shift arrives as a key of its own before each `<`.
    if (code === 'ShiftLeft' || code === 'ShiftRight') return this.characters.length > 0;
    const character = characterOfKey(code, shift);
    const last = this.times[this.times.length - 1];
    if (last !== undefined && atMs - last > this.timing.maxGapMs) this.reset();
    if (character === undefined) {
      this.reset();
      return false;
    }
    this.characters.push(character);
    this.times.push(atMs);
    return this.characters.length > 1;
  }

  /** The burst's zone when a wedge typed it, else undefined; either way the burst ends. */
  finish(): string | undefined {
    const text = this.characters.join('');
    const gaps = this.times.slice(1).map((time, index) => time - (this.times[index] ?? time));
    this.reset();
    const zoneCharacters = text.replace(/\n/g, '').length;
    if (zoneCharacters < this.timing.minCharacters || median(gaps) > this.timing.maxMedianGapMs) return undefined;
    return text.trim();
  }

  private reset(): void {
    this.characters = [];
    this.times = [];
  }
}
