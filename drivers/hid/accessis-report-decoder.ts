import { Transform, type TransformCallback } from 'node:stream';
import type { DiscardListener } from '../framing/frame.js';

/**
 * ACCESS-IS vendor reports: byte 0 is the payload length, the payload carries the reader's serial
 * framing (1C 02 … 03 1D) in report-sized pieces. Out come the payload bytes, for the ACCESS-IS framer.
 */
export class AccessIsReportDecoder extends Transform {
  private readonly onDiscard: DiscardListener;

  constructor(options: { onDiscard: DiscardListener }) {
    super({ writableObjectMode: true });
    this.onDiscard = options.onDiscard;
  }

  override _transform(report: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const length = report[0];
    if (length === undefined || length > report.length - 1) {
      this.onDiscard({ reason: 'malformed-report', bytes: report.length });
    } else if (length > 0) {
      this.push(Buffer.from(report.subarray(1, 1 + length)));
    }
    callback();
  }

  discardPartial(): number {
    return 0;
  }
}
