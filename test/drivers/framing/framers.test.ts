/**
 * The framers on their own: whatever way the bytes are cut into chunks and whatever noise lies
 * between documents, the same documents come out, and random bytes never make one.
 */
import { once } from 'node:events';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Discard, Frame } from '../../../drivers/framing/frame.js';
import { FRAMINGS, accessIsMagstripeFrame, createFramer, frameDocument, type Framer, type FramingName } from '../../../drivers/framing/framings.js';
import { createDecodePipeline } from '../../../drivers/pipeline/decode-pipeline.js';
import { framingNamed, generatedDocuments, SPECIMEN_TD1, SPECIMEN_TD3 } from '../support/documents.js';

const LIMITS = { maxFrameBytes: 1024, gapMs: 60_000 };

interface Run {
  readonly frames: Frame[];
  readonly discards: Discard[];
}

/** Writes the chunks, ends the stream (dropping any partial frame) and returns what came out. */
async function frameChunks(name: FramingName, chunks: readonly Uint8Array[], limits = LIMITS): Promise<Run> {
  const discards: Discard[] = [];
  const framer: Framer = createFramer(framingNamed(name), limits, (discard) => discards.push(discard));
  const frames: Frame[] = [];
  framer.on('data', (frame: Frame) => frames.push(frame));
  for (const chunk of chunks) framer.write(Buffer.from(chunk));
  framer.end();
  await once(framer, 'end');
  return { frames, discards };
}

/**
 * The same bytes through a reader's decode pipeline: the framer, then the zone-shape gate that
 * keeps whole frames which are not MRZs (an empty STX/ETX pair in noise) from becoming scans.
 */
function decodeChunks(name: FramingName, chunks: readonly Uint8Array[]): Run {
  const frames: Frame[] = [];
  const discards: Discard[] = [];
  const pipeline = createDecodePipeline({ input: 'bytes', framing: framingNamed(name) }, LIMITS, {
    frame: (frame) => frames.push(frame),
    discard: (discard) => discards.push(discard),
    failure: (error) => {
      throw error;
    },
  });
  for (const chunk of chunks) pipeline.write(Buffer.from(chunk));
  pipeline.discardPartial();
  pipeline.destroy();
  return { frames, discards };
}

function cut(bytes: Buffer, cuts: readonly number[]): Buffer[] {
  const points = [...new Set(cuts.map((point) => point % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces: Buffer[] = [];
  let start = 0;
  for (const point of points) {
    pieces.push(bytes.subarray(start, point));
    start = point;
  }
  pieces.push(bytes.subarray(start));
  return pieces.filter((piece) => piece.length > 0);
}

function bytesOf(run: Run): number {
  return run.discards.reduce((total, discard) => total + discard.bytes, 0) + run.frames.reduce((total, frame) => total + frame.raw.length, 0);
}

/** Noise that may lie between frames. Plain lines can only end noise with a line end, and a printable line of a zone's exact length would be a zone line. */
function noiseArbitrary(name: FramingName): fc.Arbitrary<Uint8Array> {
  if (name !== 'lines') return fc.uint8Array({ maxLength: 60 });
  return fc
    .uint8Array({ maxLength: 60 })
    .map((bytes) => bytes.filter((byte) => byte !== 0x0d && byte !== 0x0a))
    .filter((bytes) => {
      const printable = bytes.every((byte) => byte >= 0x20 && byte <= 0x7e);
      return !(printable && [30, 36, 44].includes(bytes.length));
    })
    .map((bytes) => Uint8Array.from([...bytes, 0x0d, 0x0a]));
}

const POOL = generatedDocuments(40, 3);

describe.each(FRAMINGS)('the %s framer', (name) => {
  const framing = framingNamed(name);

  it('gives back every document, whatever the chunking and the noise between them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(POOL.length - 1), noiseArbitrary(name)), { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 40 }),
        (picks, cuts) => {
          const documents = picks.map(([index]) => POOL[index] ?? []);
          const stream = Buffer.concat(picks.flatMap(([index, noise]) => [Buffer.from(noise), frameDocument(POOL[index] ?? [], framing)]));
          const run = decodeChunks(name, cut(stream, cuts));
          expect(run.frames.map((frame) => frame.lines)).toEqual(documents);
          // Nothing is lost track of: every byte is in a frame or counted as discarded.
          if (name !== 'lines') expect(bytesOf(run)).toBe(stream.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('makes no document of random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), fc.array(fc.nat(), { maxLength: 20 }), (bytes, cuts) => {
        const run = decodeChunks(name, cut(Buffer.from(bytes), cuts));
        expect(run.frames).toEqual([]);
        if (name !== 'lines') expect(bytesOf(run)).toBe(bytes.length);
      }),
      { numRuns: 300 },
    );
  });

  it('makes no document of an empty or one-line frame, which noise can look like', () => {
    const run = decodeChunks(name, [frameDocument([], framingNamed(name)), frameDocument(['A'], framingNamed(name)), frameDocument(SPECIMEN_TD3, framingNamed(name))]);
    expect(run.frames.map((frame) => frame.lines)).toEqual([SPECIMEN_TD3]);
  });

  it('drops a frame cut off at the end of the stream, counting it as partial', async () => {
    const whole = frameDocument(SPECIMEN_TD3, framing);
    const run = await frameChunks(name, [whole.subarray(0, whole.length - 3)]);
    expect(run.frames).toEqual([]);
    expect(run.discards.filter((discard) => discard.reason === 'partial').length).toBeGreaterThan(0);
  });

  it('discards a frame over the size cap, with an oversize warning, and reads the next', async () => {
    const big = name === 'lines' ? Buffer.from(`${'A'.repeat(300)}\r`, 'latin1') : frameDocument(['A'.repeat(300), 'B'.repeat(300)], framing);
    const run = await frameChunks(name, [big, frameDocument(SPECIMEN_TD1, framing)], { maxFrameBytes: 256, gapMs: 60_000 });
    expect(run.frames.map((frame) => frame.lines)).toEqual([SPECIMEN_TD1]);
    expect(run.discards.map((discard) => discard.reason)).toContain('oversize');
  });

  it('ends a pending frame after a silence longer than the gap', async () => {
    const discards: Discard[] = [];
    const framer = createFramer(framing, { maxFrameBytes: 1024, gapMs: 20 }, (discard) => discards.push(discard));
    const whole = frameDocument(SPECIMEN_TD3, framing);
    framer.write(whole.subarray(0, 40));
    await expect.poll(() => discards.map((discard) => discard.reason)).toContain('partial');
    framer.destroy();
  });
});

describe('framing details', () => {
  it('reads CR, LF and CRLF line ends alike, even with CRLF split across chunks', async () => {
    const [line1 = '', line2 = ''] = SPECIMEN_TD3;
    const run = await frameChunks('lines', [Buffer.from(`${line1}\r`), Buffer.from(`\n${line2}\n`), Buffer.from(`${line1}\r\n${line2}\r`), Buffer.from('\n')]);
    expect(run.frames.map((frame) => frame.lines)).toEqual([SPECIMEN_TD3, SPECIMEN_TD3]);
    expect(run.discards).toEqual([]);
  });

  it('reads a document whose OCR dropped a character, once the line falls silent', async () => {
    const [line1 = '', line2 = ''] = SPECIMEN_TD3;
    const frames: Frame[] = [];
    const framer = createFramer({ kind: 'lines' }, { maxFrameBytes: 1024, gapMs: 20 }, () => undefined);
    framer.on('data', (frame: Frame) => frames.push(frame));
    framer.write(Buffer.from(`${line1.slice(1)}\r${line2}\r`));
    await expect.poll(() => frames.length).toBe(1);
    expect(frames[0]?.lines).toEqual([line1.slice(1), line2]);
    framer.destroy();
  });

  it('never emits the first lines of a zone cut short', async () => {
    const frames: Frame[] = [];
    const discards: Discard[] = [];
    const framer = createFramer({ kind: 'lines' }, { maxFrameBytes: 1024, gapMs: 20 }, (discard) => discards.push(discard));
    framer.on('data', (frame: Frame) => frames.push(frame));
    framer.write(Buffer.from(`${SPECIMEN_TD1[0] ?? ''}\r${SPECIMEN_TD1[1] ?? ''}\r`));
    await expect.poll(() => discards.map((discard) => discard.reason)).toContain('partial');
    expect(frames).toEqual([]);
    framer.destroy();
  });

  it('checks the LRC: a frame with a wrong check byte is dropped as bad-check', async () => {
    const good = frameDocument(SPECIMEN_TD3, { kind: 'stx-etx-lrc' });
    const bad = Buffer.from(good);
    bad[bad.length - 1] = (bad[bad.length - 1] ?? 0) ^ 0x01;
    const run = await frameChunks('stx-etx-lrc', [bad, good]);
    expect(run.frames).toHaveLength(1);
    expect(run.discards.map((discard) => discard.reason)).toContain('bad-check');
  });

  it('never takes an ACCESS-IS magstripe frame for an MRZ, even when it holds MRZ-like text', async () => {
    const run = await frameChunks('accessis', [accessIsMagstripeFrame(SPECIMEN_TD3.join('\r')), frameDocument(SPECIMEN_TD1, { kind: 'accessis' })]);
    expect(run.frames.map((frame) => frame.lines)).toEqual([SPECIMEN_TD1]);
    expect(run.discards.map((discard) => discard.reason)).toContain('magstripe');
  });

  it('uses the configured DESKO start and end bytes', async () => {
    const framing = { kind: 'desko', sod: 0x01, eod: 0x04 } as const;
    const discards: Discard[] = [];
    const framer = createFramer(framing, LIMITS, (discard) => discards.push(discard));
    const frames: Frame[] = [];
    framer.on('data', (frame: Frame) => frames.push(frame));
    framer.end(Buffer.concat([frameDocument(SPECIMEN_TD3, { kind: 'desko', sod: 0x1c, eod: 0x1d }), frameDocument(SPECIMEN_TD1, framing)]));
    await once(framer, 'end');
    expect(frames.map((frame) => frame.lines)).toEqual([SPECIMEN_TD1]);
  });

  it('keeps the frame’s bytes as received, envelope and check byte included', async () => {
    const bytes = frameDocument(SPECIMEN_TD3, { kind: 'stx-etx-lrc' });
    const run = await frameChunks('stx-etx-lrc', [bytes]);
    expect(run.frames[0]?.raw.equals(bytes)).toBe(true);
  });
});
