import { Transform, type TransformCallback } from 'node:stream';
import { textLines } from '../framing/envelope-framer.js';
import type { DiscardListener, Frame, FrameLimits } from '../framing/frame.js';

/** HID POS (usage page 0x8C) Scanned Data Report, as scanners in HID POS mode send it. */
const SCANNED_DATA_REPORT_ID = 0x02;
/** Report ID, data length, three bytes of AIM symbology identifier. */
const HEADER_LENGTH = 5;
/** Bit 0 of the report's last byte: more reports carry the rest of this scan. */
const DATA_CONTINUED = 0x01;

/**
 * HID POS barcode-scanner reports to frames. Each Scanned Data Report holds up to 56 bytes of a
 * scan; the "decoded data continued" flag in the last byte says whether more follow. A scan whose
 * text is not lines of printable characters is dropped as not-mrz.
 */
export class HidPosReportDecoder extends Transform {
  private readonly onDiscard: DiscardListener;
  private readonly limits: FrameLimits;
  private parts: Buffer[] = [];
  private partsLength = 0;

  constructor(options: { limits: FrameLimits; onDiscard: DiscardListener }) {
    super({ writableObjectMode: true, readableObjectMode: true });
    this.onDiscard = options.onDiscard;
    this.limits = options.limits;
  }

  override _transform(report: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.consumeReport(report);
    callback();
  }

  override _flush(callback: TransformCallback): void {
    this.discardPartial();
    callback();
  }

  discardPartial(): number {
    const dropped = this.partsLength;
    if (dropped > 0) this.onDiscard({ reason: 'partial', bytes: dropped });
    this.parts = [];
    this.partsLength = 0;
    return dropped;
  }

  private consumeReport(report: Buffer): void {
    // Other report IDs (status, attributes) are not scans; a short report is not a Scanned Data Report.
    if (report[0] !== SCANNED_DATA_REPORT_ID || report.length < HEADER_LENGTH + 1) {
      this.onDiscard({ reason: 'malformed-report', bytes: report.length });
      return;
    }
    const length = report[1] ?? 0;
    const dataEnd = HEADER_LENGTH + length;
    if (dataEnd > report.length - 1) {
      this.onDiscard({ reason: 'malformed-report', bytes: report.length });
      return;
    }
    const data = Buffer.from(report.subarray(HEADER_LENGTH, dataEnd));
    this.parts.push(data);
    this.partsLength += data.length;
    if (this.partsLength > this.limits.maxFrameBytes) {
      this.onDiscard({ reason: 'oversize', bytes: this.partsLength });
      this.parts = [];
      this.partsLength = 0;
      return;
    }
    const continued = ((report[report.length - 1] ?? 0) & DATA_CONTINUED) !== 0;
    if (continued) return;
    const raw = Buffer.concat(this.parts);
    this.parts = [];
    this.partsLength = 0;
    const lines = textLines(raw);
    if (lines === null || lines.length === 0) {
      this.onDiscard({ reason: 'not-mrz', bytes: raw.length });
      return;
    }
    const frame: Frame = { lines, raw };
    this.push(frame);
  }
}
