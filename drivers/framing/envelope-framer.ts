import { Transform, type TransformCallback } from 'node:stream';
import { CR, DEFAULT_FRAME_LIMITS, LF, isPrintableAscii, type DiscardListener, type DiscardReason, type Frame, type FrameLimits } from './frame.js';
import { longitudinalRedundancyCheck } from './lrc.js';

/** One kind of frame a reader sends: its start and end byte sequences, and what follows the end. */
export interface Envelope {
  readonly start: Uint8Array;
  readonly end: Uint8Array;
  /** An LRC/BCC byte follows the end: the XOR of every byte after the start through the end. */
  readonly check: 'none' | 'lrc';
  /** Frames of this kind are recognised and dropped with this reason (magstripe data), never scanned. */
  readonly discardAs?: DiscardReason;
}

const enum State {
  Hunting,
  InFrame,
  AwaitingCheck,
}

/**
 * Start/end delimited framing (STX … ETX [LRC], DESKO's SOD STX … ETX EOD, ACCESS-IS's 1C 02 … 03 1D).
 * Bytes outside a frame are counted as noise; a frame over the cap, with a bad check byte, cut by a
 * new start, or left waiting past the gap is dropped whole.
 *
 * None of @serialport/parser-*'s parsers does this: parser-delimiter splits on the end alone (a
 * check byte after it lands in the next frame, noise before the start is kept), parser-packet-length
 * needs a length field, and neither bounds its buffer or checks an LRC.
 */
export class EnvelopeFramer extends Transform {
  private readonly envelopes: readonly Envelope[];
  private readonly limits: FrameLimits;
  private readonly onDiscard: DiscardListener;
  private readonly longestStart: number;
  private state = State.Hunting;
  /** While hunting: the last bytes, which may be the beginning of a start sequence. */
  private held: number[] = [];
  private envelope: Envelope | null = null;
  private readonly frame: Buffer;
  private frameLength = 0;
  private pendingNoise = 0;
  private silenceTimer: NodeJS.Timeout | null = null;

  constructor(options: { envelopes: readonly Envelope[]; limits?: FrameLimits; onDiscard: DiscardListener }) {
    super({ readableObjectMode: true });
    if (options.envelopes.length === 0) throw new RangeError('an envelope framer needs at least one envelope');
    this.envelopes = options.envelopes;
    this.limits = options.limits ?? DEFAULT_FRAME_LIMITS;
    this.onDiscard = options.onDiscard;
    this.longestStart = Math.max(...options.envelopes.map((envelope) => envelope.start.length));
    this.frame = Buffer.alloc(this.limits.maxFrameBytes);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    for (const byte of chunk) this.consumeByte(byte);
    this.flushNoise();
    this.armSilenceTimer();
    callback();
  }

  override _flush(callback: TransformCallback): void {
    this.discardPartial();
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.clearSilenceTimer();
    callback(error);
  }

  /** Drops an unfinished frame and held bytes (a disconnect); returns how many bytes went. */
  discardPartial(): number {
    this.clearSilenceTimer();
    const dropped = this.frameLength + this.held.length + this.pendingNoise;
    this.pendingNoise += this.held.length;
    this.flushNoise();
    this.report('partial', this.frameLength);
    this.resetToHunting();
    return dropped;
  }

  private consumeByte(byte: number): void {
    if (this.state === State.Hunting) {
      this.hunt(byte);
      return;
    }
    if (this.frameLength === this.frame.length) {
      this.report('oversize', this.frameLength + 1);
      this.resetToHunting();
      return;
    }
    this.frame[this.frameLength++] = byte;
    if (this.state === State.AwaitingCheck) {
      this.checkAndComplete();
      return;
    }
    const envelope = this.envelope;
    if (envelope === null) return;
    if (this.frameLength >= envelope.start.length + envelope.end.length && this.frameEndsWith(envelope.end)) {
      if (envelope.check === 'lrc') this.state = State.AwaitingCheck;
      else this.complete(envelope, this.frameLength - envelope.end.length);
      return;
    }
    // A new start inside a frame: the reader began again, so what came before is a cut-off frame.
    const restart = this.envelopes.find((candidate) => this.frameLength > candidate.start.length && this.frameEndsWith(candidate.start));
    if (restart !== undefined) {
      this.report('partial', this.frameLength - restart.start.length);
      this.beginFrame(restart);
    }
  }

  private hunt(byte: number): void {
    const candidate = [...this.held, byte];
    for (const envelope of this.envelopes) {
      if (endsWith(candidate, envelope.start)) {
        this.pendingNoise += candidate.length - envelope.start.length;
        this.flushNoise();
        this.held = [];
        this.beginFrame(envelope);
        return;
      }
    }
    // Keep the longest tail that could still grow into a start sequence; the rest is noise.
    let keep = Math.min(candidate.length, this.longestStart - 1);
    while (keep > 0 && !this.envelopes.some((envelope) => startsWith(envelope.start, candidate, candidate.length - keep))) keep -= 1;
    this.pendingNoise += candidate.length - keep;
    this.held = candidate.slice(candidate.length - keep);
  }

  private beginFrame(envelope: Envelope): void {
    this.envelope = envelope;
    this.state = State.InFrame;
    this.frame.set(envelope.start, 0);
    this.frameLength = envelope.start.length;
  }

  private checkAndComplete(): void {
    const envelope = this.envelope;
    if (envelope === null) return;
    const checkIndex = this.frameLength - 1;
    const expected = longitudinalRedundancyCheck(this.frame, envelope.start.length, checkIndex);
    const checkByte = this.frame[checkIndex] ?? 0;
    if (checkByte !== expected) {
      // The byte after ETX may be the next frame's STX (a stray STX/ETX pair in noise, a reader that
      // sends no LRC): hunt from it rather than lose the frame it starts.
      this.report('bad-check', this.frameLength - 1);
      this.resetToHunting();
      this.hunt(checkByte);
      return;
    }
    this.complete(envelope, checkIndex - envelope.end.length);
  }

  /** A whole frame: payload is frame[start.length, payloadEnd). */
  private complete(envelope: Envelope, payloadEnd: number): void {
    const raw = Buffer.from(this.frame.subarray(0, this.frameLength));
    this.resetToHunting();
    if (envelope.discardAs !== undefined) {
      this.report(envelope.discardAs, raw.length);
      return;
    }
    const lines = textLines(raw.subarray(envelope.start.length, payloadEnd));
    if (lines === null) {
      this.report('not-mrz', raw.length);
      return;
    }
    const frame: Frame = { lines, raw };
    this.push(frame);
  }

  private onSilence(): void {
    this.silenceTimer = null;
    this.pendingNoise += this.held.length;
    this.held = [];
    this.flushNoise();
    this.report('partial', this.frameLength);
    this.resetToHunting();
  }

  private armSilenceTimer(): void {
    if (this.state === State.Hunting && this.held.length === 0) {
      this.clearSilenceTimer();
      return;
    }
    if (this.silenceTimer === null) {
      this.silenceTimer = setTimeout(() => this.onSilence(), this.limits.gapMs);
      this.silenceTimer.unref();
    } else {
      this.silenceTimer.refresh();
    }
  }

  private clearSilenceTimer(): void {
    if (this.silenceTimer !== null) clearTimeout(this.silenceTimer);
    this.silenceTimer = null;
  }

  private resetToHunting(): void {
    this.state = State.Hunting;
    this.envelope = null;
    this.frameLength = 0;
    this.held = [];
  }

  private frameEndsWith(sequence: Uint8Array): boolean {
    const offset = this.frameLength - sequence.length;
    if (offset < 0) return false;
    for (let index = 0; index < sequence.length; index++) {
      if (this.frame[offset + index] !== sequence[index]) return false;
    }
    return true;
  }

  private flushNoise(): void {
    const noise = this.pendingNoise;
    this.pendingNoise = 0;
    this.report('noise', noise);
  }

  private report(reason: DiscardReason, bytes: number): void {
    if (bytes > 0) this.onDiscard({ reason, bytes });
  }
}

function endsWith(bytes: readonly number[], sequence: Uint8Array): boolean {
  const offset = bytes.length - sequence.length;
  if (offset < 0) return false;
  for (let index = 0; index < sequence.length; index++) {
    if (bytes[offset + index] !== sequence[index]) return false;
  }
  return true;
}

/** True when bytes[from…] is a proper prefix of sequence. */
function startsWith(sequence: Uint8Array, bytes: readonly number[], from: number): boolean {
  const length = bytes.length - from;
  if (length >= sequence.length) return false;
  for (let index = 0; index < length; index++) {
    if (sequence[index] !== bytes[from + index]) return false;
  }
  return true;
}

/** The payload's lines (CR, LF or CRLF between them, blank ones dropped), or null if it holds other control bytes. */
export function textLines(payload: Uint8Array): string[] | null {
  const lines: string[] = [];
  let start = 0;
  for (let index = 0; index <= payload.length; index++) {
    const byte = index < payload.length ? payload[index] : CR;
    if (byte === undefined) return null;
    if (byte === CR || byte === LF) {
      if (index > start) lines.push(Buffer.from(payload.subarray(start, index)).toString('latin1'));
      start = index + 1;
    } else if (!isPrintableAscii(byte)) {
      return null;
    }
  }
  return lines;
}
