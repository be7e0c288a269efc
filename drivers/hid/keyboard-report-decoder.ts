import { Transform, type TransformCallback } from 'node:stream';
import { CR, type DiscardListener } from '../framing/frame.js';
import { ENTER, ERROR_ROLL_OVER, KEYPAD_ENTER, characterOf, isShifted } from './usage-ids.js';

const BOOT_REPORT_LENGTH = 8;

/**
 * Boot keyboard reports (modifiers, reserved, six key slots) to the text a wedge reader types,
 * Enter as CR. A key counts once, when it first appears in a report: with roll-over a reader
 * presses the next key before releasing the last, and a held key is not a repeat.
 */
export class KeyboardReportDecoder extends Transform {
  private readonly onDiscard: DiscardListener;
  private held: readonly number[] = [];

  constructor(options: { onDiscard: DiscardListener }) {
    super({ writableObjectMode: true });
    this.onDiscard = options.onDiscard;
  }

  override _transform(report: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const keys = keysOf(report);
    if (keys === null) {
      this.onDiscard({ reason: 'malformed-report', bytes: report.length });
      callback();
      return;
    }
    const slots = report.subarray(report.length - BOOT_REPORT_LENGTH);
    // Phantom state: the keyboard cannot tell which keys are down; the next report will.
    if (keys.includes(ERROR_ROLL_OVER)) {
      callback();
      return;
    }
    const shifted = isShifted(slots[0] ?? 0);
    const typed: number[] = [];
    for (const key of keys) {
      if (this.held.includes(key)) continue;
      if (key === ENTER || key === KEYPAD_ENTER) {
        typed.push(CR);
        continue;
      }
      const character = characterOf(key, shifted);
      if (character !== undefined) typed.push(character.charCodeAt(0));
    }
    this.held = keys;
    if (typed.length > 0) this.push(Buffer.from(typed));
    callback();
  }

  /** Forget held keys (a reconnect): the device starts from all keys up. */
  discardPartial(): number {
    this.held = [];
    return 0;
  }
}

/** The pressed keys' usage IDs, or null if this is not a boot keyboard report (8 bytes, or 9 with a report ID). */
function keysOf(report: Buffer): number[] | null {
  if (report.length !== BOOT_REPORT_LENGTH && report.length !== BOOT_REPORT_LENGTH + 1) return null;
  const slots = report.subarray(report.length - BOOT_REPORT_LENGTH);
  const keys: number[] = [];
  for (let index = 2; index < BOOT_REPORT_LENGTH; index++) {
    const key = slots[index] ?? 0;
    if (key !== 0) keys.push(key);
  }
  return keys;
}
