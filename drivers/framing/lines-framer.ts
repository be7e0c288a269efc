import { Transform, type TransformCallback } from 'node:stream';
import { CR, DEFAULT_FRAME_LIMITS, LF, isPrintableAscii, type DiscardListener, type DiscardReason, type Frame, type FrameLimits } from './frame.js';
import { isIncompleteRegularZone, isPlausibleZone, isPlausibleZoneLine, zoneLineCount } from './zone-shape.js';

/** The document being gathered, line by line. */
interface PendingDocument {
  readonly lines: string[];
  readonly raw: Buffer[];
}

/** What happened to the line a CR just ended, so that an LF following it goes the same way. */
type AfterCarriageReturn = 'none' | 'document' | 'emitted' | 'discarded';

/**
 * Plain-lines framing: MRZ lines ended by CR, LF or CRLF. A document ends after its last line
 * (the first line's length says how many there are) or, for readers that send odd lengths,
 * after a silence of `gapMs` or a blank line.
 *
 * Written here rather than with @serialport/parser-readline or parser-delimiter because those
 * split on one fixed delimiter (not CR, LF and CRLF alike), hold an unbounded buffer while noise
 * without a delimiter streams in, and push the partial buffer out on end, which would turn the
 * half frame an unplug leaves into a phantom scan.
 */
export class LinesFramer extends Transform {
  private readonly limits: FrameLimits;
  private readonly onDiscard: DiscardListener;
  private readonly line: Buffer;
  private lineLength = 0;
  private linePrintable = true;
  /** Bytes of a line over the cap, skipped until its line end. */
  private oversizeBytes = 0;
  private afterCarriageReturn: AfterCarriageReturn = 'none';
  private document: PendingDocument | null = null;
  private silenceTimer: NodeJS.Timeout | null = null;

  constructor(options: { limits?: FrameLimits; onDiscard: DiscardListener }) {
    super({ readableObjectMode: true });
    this.limits = options.limits ?? DEFAULT_FRAME_LIMITS;
    this.onDiscard = options.onDiscard;
    this.line = Buffer.alloc(this.limits.maxFrameBytes);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    for (const byte of chunk) this.consumeByte(byte);
    this.armSilenceTimer();
    callback();
  }

  override _flush(callback: TransformCallback): void {
    // A stream that ends mid-document (a capture's end) leaves a partial frame: never a scan.
    this.discardPartial();
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.clearSilenceTimer();
    callback(error);
  }

  /** Drops the unfinished line and document (a disconnect); returns how many bytes went. */
  discardPartial(): number {
    this.clearSilenceTimer();
    let dropped = this.lineLength + this.oversizeBytes;
    if (this.oversizeBytes > 0) this.report('oversize', this.oversizeBytes);
    if (this.lineLength > 0) this.report('partial', this.lineLength);
    if (this.document !== null) {
      const bytes = byteCount(this.document.raw);
      dropped += bytes;
      this.report('partial', bytes);
    }
    this.resetLine();
    this.document = null;
    this.afterCarriageReturn = 'none';
    return dropped;
  }

  private consumeByte(byte: number): void {
    if (byte === LF && this.afterCarriageReturn !== 'none') {
      this.endOfCrLf();
      return;
    }
    this.afterCarriageReturn = 'none';
    if (byte === CR || byte === LF) {
      this.endLine(byte);
      return;
    }
    if (this.oversizeBytes > 0) {
      this.oversizeBytes += 1;
      return;
    }
    if (this.lineLength === this.line.length) {
      // Over the cap: drop what we have and skip to the line's end.
      this.oversizeBytes = this.lineLength + 1;
      this.lineLength = 0;
      this.linePrintable = true;
      return;
    }
    this.line[this.lineLength++] = byte;
    if (!isPrintableAscii(byte)) this.linePrintable = false;
  }

  /** The LF of a CRLF: it belongs with the line its CR ended. */
  private endOfCrLf(): void {
    const fate = this.afterCarriageReturn;
    this.afterCarriageReturn = 'none';
    if (fate === 'document' && this.document !== null) this.document.raw.push(Buffer.of(LF));
    else if (fate === 'discarded') this.report('noise', 1);
    // 'emitted': the document went out at its CR; its LF is the line end, not noise.
  }

  private endLine(terminator: number): void {
    const raw = Buffer.alloc(this.lineLength + 1);
    this.line.copy(raw, 0, 0, this.lineLength);
    raw[this.lineLength] = terminator;
    const oversize = this.oversizeBytes;
    const printable = this.linePrintable;
    const empty = this.lineLength === 0;
    this.resetLine();

    let fate: AfterCarriageReturn;
    if (oversize > 0) {
      this.report('oversize', oversize + 1);
      fate = 'discarded';
    } else if (empty) {
      // A blank line closes a document (some readers send one after the zone).
      this.report('noise', 1);
      this.closeDocument();
      fate = 'discarded';
    } else if (!printable) {
      this.report('noise', raw.length);
      fate = 'discarded';
    } else {
      fate = this.addLine(raw.toString('latin1', 0, raw.length - 1), raw);
    }
    if (terminator === CR) this.afterCarriageReturn = fate;
  }

  private addLine(text: string, raw: Buffer): AfterCarriageReturn {
    const length = text.length;
    const expected = zoneLineCount(length);
    if (expected === null && !isPlausibleZoneLine(text)) {
      this.report('noise', raw.length);
      return 'discarded';
    }
    const document = (this.document ??= { lines: [], raw: [] });
    document.lines.push(text);
    document.raw.push(raw);
    // The last lines may make a whole zone even when something came before them (a noise line, a
    // zone cut short): emit exactly those, and let the rest go.
    if (expected !== null && document.lines.length >= expected) {
      const first = document.lines.length - expected;
      if (document.lines.slice(first).every((line) => line.length === length)) {
        this.dropLeadingLines(document, first);
        this.emitDocument(document);
        return 'emitted';
      }
    }
    if (document.lines.length > 3) this.dropLeadingLines(document, document.lines.length - 3);
    if (byteCount(document.raw) > this.limits.maxFrameBytes) {
      this.document = null;
      this.report('oversize', byteCount(document.raw));
      return 'discarded';
    }
    return 'document';
  }

  private dropLeadingLines(document: PendingDocument, count: number): void {
    if (count <= 0) return;
    const dropped = document.lines.splice(0, count);
    const bytes = byteCount(document.raw.splice(0, count));
    this.report(isIncompleteRegularZone(dropped) ? 'partial' : 'noise', bytes);
  }

  /** Silence or a blank line: a document whose length told us nothing ends here. */
  private closeDocument(): void {
    const document = this.document;
    if (document === null) return;
    if (!isIncompleteRegularZone(document.lines) && isPlausibleZone(document.lines)) {
      this.emitDocument(document);
      return;
    }
    this.abandonDocument();
  }

  private abandonDocument(): void {
    const document = this.document;
    if (document === null) return;
    this.document = null;
    const reason: DiscardReason = isIncompleteRegularZone(document.lines) ? 'partial' : 'noise';
    this.report(reason, byteCount(document.raw));
  }

  private emitDocument(document: PendingDocument): void {
    this.document = null;
    const frame: Frame = { lines: document.lines, raw: Buffer.concat(document.raw) };
    this.push(frame);
  }

  private onSilence(): void {
    this.silenceTimer = null;
    if (this.oversizeBytes > 0) this.report('oversize', this.oversizeBytes);
    // A printable line cut off is the start of a frame that never finished; anything else is noise.
    if (this.lineLength > 0) this.report(this.linePrintable ? 'partial' : 'noise', this.lineLength);
    this.resetLine();
    this.afterCarriageReturn = 'none';
    this.closeDocument();
  }

  private armSilenceTimer(): void {
    const pending = this.lineLength > 0 || this.oversizeBytes > 0 || this.document !== null;
    if (!pending) {
      this.clearSilenceTimer();
      return;
    }
    if (this.silenceTimer === null) {
      this.silenceTimer = setTimeout(() => this.onSilence(), this.limits.gapMs);
      // A pending frame must not keep a process alive that is otherwise done (the CLI, tests).
      this.silenceTimer.unref();
    } else {
      this.silenceTimer.refresh();
    }
  }

  private clearSilenceTimer(): void {
    if (this.silenceTimer !== null) clearTimeout(this.silenceTimer);
    this.silenceTimer = null;
  }

  private resetLine(): void {
    this.lineLength = 0;
    this.linePrintable = true;
    this.oversizeBytes = 0;
  }

  private report(reason: DiscardReason, bytes: number): void {
    if (bytes > 0) this.onDiscard({ reason, bytes });
  }
}

function byteCount(parts: readonly Buffer[]): number {
  let total = 0;
  for (const part of parts) total += part.length;
  return total;
}
