import type { Transform } from 'node:stream';
import type { Discard, DiscardListener, Frame, FrameLimits } from '../framing/frame.js';
import { createFramer } from '../framing/framings.js';
import { isPlausibleZone } from '../framing/zone-shape.js';
import { AccessIsReportDecoder } from '../hid/accessis-report-decoder.js';
import { HidPosReportDecoder } from '../hid/hidpos-report-decoder.js';
import { KeyboardReportDecoder } from '../hid/keyboard-report-decoder.js';
import type { Decoding } from './decoding.js';

type Stage = Transform & { discardPartial(): number };

export interface DecodePipelineHandlers {
  /** A whole frame shaped like a machine-readable zone. */
  frame(frame: Frame): void;
  discard(discard: Discard): void;
  /** A stage threw: a bug or a device the decoder cannot cope with. The session should restart. */
  failure(error: Error): void;
}

/** One session's decoding: chunks in (serial bytes or whole HID reports), frames out. */
export interface DecodePipeline {
  write(chunk: Buffer): void;
  /** Drops every partial frame held (a disconnect); returns the bytes dropped. */
  discardPartial(): number;
  destroy(): void;
}

function stagesFor(decoding: Decoding, limits: FrameLimits, onDiscard: DiscardListener): Stage[] {
  if (decoding.input === 'bytes') return [createFramer(decoding.framing, limits, onDiscard)];
  switch (decoding.decoder) {
    case 'accessis':
      return [new AccessIsReportDecoder({ onDiscard }), createFramer({ kind: 'accessis' }, limits, onDiscard)];
    case 'keyboard':
      return [new KeyboardReportDecoder({ onDiscard }), createFramer({ kind: 'lines' }, limits, onDiscard)];
    case 'hidpos':
      return [new HidPosReportDecoder({ limits, onDiscard })];
  }
}

/**
 * The same stages serve a pty, a real port, a capture and the simulator; only where the chunks
 * come from differs. Frames that are not zone-shaped stop here, whichever framer let them by.
 */
export function createDecodePipeline(decoding: Decoding, limits: FrameLimits, handlers: DecodePipelineHandlers): DecodePipeline {
  let destroyed = false;
  const stages = stagesFor(decoding, limits, (discard) => handlers.discard(discard));
  const first = stages[0];
  const last = stages[stages.length - 1];
  if (first === undefined || last === undefined) throw new Error('a decode pipeline needs a stage');
  for (let index = 0; index + 1 < stages.length; index++) {
    const from = stages[index];
    const to = stages[index + 1];
    if (from !== undefined && to !== undefined) from.pipe(to);
  }
  for (const stage of stages) {
    stage.on('error', (error: Error) => {
      if (!destroyed) handlers.failure(error);
    });
  }
  last.on('data', (frame: Frame) => {
    if (destroyed) return;
    if (isPlausibleZone(frame.lines)) handlers.frame(frame);
    else handlers.discard({ reason: 'not-mrz', bytes: frame.raw.length });
  });
  return {
    write(chunk) {
      if (!destroyed) first.write(chunk);
    },
    discardPartial() {
      let dropped = 0;
      for (const stage of stages) dropped += stage.discardPartial();
      return dropped;
    },
    destroy() {
      destroyed = true;
      for (const stage of stages) stage.destroy();
    },
  };
}
