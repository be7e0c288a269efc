/**
 * Every serial framing, through a real serialport on a real pty (socat): what a guard would see
 * when a reader's bytes arrive in pieces, among noise, cut by an unplug, after a replug, in a burst,
 * twice, or mis-clocked.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import { FRAMINGS, frameDocument, type FramingName } from '../../../drivers/framing/framings.js';
import { startPtyPair, type PtyPair } from '../../rigs/socat.js';
import { framingNamed, generatedDocuments, SPECIMEN_TD1, SPECIMEN_TD3 } from '../support/documents.js';
import { linesOf, observeReader, type Observed } from '../support/reader-harness.js';
import { receivedByMisconfiguredPort } from '../support/uart.js';
import { seededRandom } from '../../../drivers/simulator/seeded-random.js';

const WAIT = { timeout: 15_000, interval: 5 };
/** Tight polling where a test waits on every byte it writes. */
const EACH_PIECE = { timeout: 15_000, interval: 1 };

async function ptyPair(): Promise<PtyPair> {
  const pair = await startPtyPair();
  onTestFinished(() => pair.close());
  return pair;
}

async function readyReader(pair: PtyPair, framing: FramingName, extra = ''): Promise<Observed> {
  const observed = observeReader(pair.serialSpec(`framing=${framing}${extra === '' ? '' : `&${extra}`}`));
  await expect.poll(() => observed.reader.status().state, WAIT).toBe('ready');
  return observed;
}

/** Noise a line might carry between frames; for plain lines it ends with a line end, as noise must to end. */
function noise(framing: FramingName, seed: number, length: number): Buffer {
  const random = seededRandom(seed);
  const bytes = Array.from({ length }, () => Math.floor(random() * 256)).filter((byte) => framing !== 'lines' || (byte !== 0x0d && byte !== 0x0a));
  // Plain-lines noise without a non-printable byte could read as a short line; keep one in.
  return Buffer.from(framing === 'lines' ? [0xff, ...bytes, 0x0d, 0x0a] : bytes);
}

describe.each(FRAMINGS)('serial framing %s on a real pty', (framingName) => {
  const framing = framingNamed(framingName);
  const frame = (lines: readonly string[]): Buffer => frameDocument(lines, framing);

  it('reads a frame that arrives in pieces, down to single bytes', async () => {
    const pair = await ptyPair();
    // A generous gap: the test is about pieces, and a loaded machine may take a while between them.
    const { reader, scans } = await readyReader(pair, framingName, 'gap=5000');
    const pieces: Buffer[] = [...frame(SPECIMEN_TD3)].map((byte) => Buffer.of(byte));
    const second = frame(SPECIMEN_TD1);
    pieces.push(second.subarray(0, 7), second.subarray(7, 40), second.subarray(40));
    let written = 0;
    for (const piece of pieces) {
      await pair.write(piece);
      written += piece.length;
      // Each piece reaches the framer on its own, as a slow line delivers it.
      await expect.poll(() => reader.counters().bytesReceived, EACH_PIECE).toBe(written);
    }
    await expect.poll(() => scans.length, WAIT).toBe(2);
    expect(linesOf(scans)).toEqual([SPECIMEN_TD3, SPECIMEN_TD1]);
    expect(scans.map((scan) => scan.mrz.valid)).toEqual([true, true]);
  });

  it('discards and counts noise between frames, and still reads every document', async () => {
    const pair = await ptyPair();
    const observed = await readyReader(pair, framingName);
    const documents = generatedDocuments(6, 11);
    await pair.write(Buffer.concat(documents.flatMap((lines, index) => [noise(framingName, index + 1, 40), frame(lines)])));
    await expect.poll(() => observed.scans.length, WAIT).toBe(documents.length);
    expect(linesOf(observed.scans)).toEqual(documents);
    expect(observed.reader.counters().discarded.noise.bytes).toBeGreaterThan(0);
  });

  it('makes no scan of a frame cut by an unplug, and says disconnected', async () => {
    const pair = await ptyPair();
    const observed = await readyReader(pair, framingName);
    const whole = frame(SPECIMEN_TD3);
    const half = whole.subarray(0, Math.floor(whole.length * 0.75));
    await pair.write(half);
    await expect.poll(() => observed.reader.counters().bytesReceived, WAIT).toBe(half.length);
    await pair.unplug();
    await expect.poll(() => observed.reader.status().state, WAIT).toBe('disconnected');
    expect(observed.states()).toContain('disconnected/unplugged');
    expect(observed.reader.counters().discarded.partial.bytes).toBe(half.length);
    expect(observed.warnings.map((warning) => warning.kind)).toContain('partial-frame');
    // The rest of the document after the replug must not complete the half frame.
    await pair.replug();
    await expect.poll(() => observed.reader.status().state, WAIT).toBe('ready');
    await pair.write(Buffer.concat([whole.subarray(half.length), frame(SPECIMEN_TD1)]));
    await expect.poll(() => observed.scans.length, WAIT).toBe(1);
    expect(linesOf(observed.scans)).toEqual([SPECIMEN_TD1]);
  });

  it('reconnects by itself after a replug and reads the next document', async () => {
    const pair = await ptyPair();
    const observed = await readyReader(pair, framingName);
    await pair.unplug();
    await expect.poll(() => observed.reader.status().state, WAIT).toBe('disconnected');
    await pair.replug();
    await expect.poll(() => observed.reader.status().state, WAIT).toBe('ready');
    await pair.write(frame(SPECIMEN_TD3));
    await expect.poll(() => observed.scans.length, WAIT).toBe(1);
    expect(observed.scans[0]?.mrz.valid).toBe(true);
    expect(observed.reader.counters().connects).toBe(2);
    expect(observed.states().slice(-2)).toEqual(['connecting', 'ready']);
  });

  it('delivers a burst of 1,000 documents back to back, each once, in order', async () => {
    const pair = await ptyPair();
    const observed = await readyReader(pair, framingName);
    const documents = generatedDocuments(1000, 5);
    await pair.write(Buffer.concat(documents.map(frame)));
    await expect.poll(() => observed.scans.length, WAIT).toBe(documents.length);
    expect(linesOf(observed.scans)).toEqual(documents);
    expect(observed.scans.map((scan) => scan.seq)).toEqual(documents.map((_document, index) => index + 1));
    expect(observed.scans.every((scan) => scan.mrz.valid)).toBe(true);
    expect(observed.discardedBytes()).toBe(0);
  });

  it('suppresses a byte-identical re-send, but not the same document scanned again after another', async () => {
    const pair = await ptyPair();
    const observed = await readyReader(pair, framingName);
    const first = frame(SPECIMEN_TD3);
    await pair.write(Buffer.concat([first, first, frame(SPECIMEN_TD1), first]));
    await expect.poll(() => observed.scans.length, WAIT).toBe(3);
    expect(linesOf(observed.scans)).toEqual([SPECIMEN_TD3, SPECIMEN_TD1, SPECIMEN_TD3]);
    expect(observed.reader.counters().rereadsSuppressed).toBe(1);
  });

  it('makes garbage of a mis-clocked or mis-formatted line, never a scan, and reads on once settings match', async () => {
    const pair = await ptyPair();
    const observed = await readyReader(pair, framingName, 'gap=100');
    const sent = Buffer.concat(generatedDocuments(8, 21).map(frame));
    const garbage = Buffer.concat([
      receivedByMisconfiguredPort(sent, { baud: 9600, dataBits: 8, parity: 'none' }, 115_200),
      receivedByMisconfiguredPort(sent, { baud: 115_200, dataBits: 8, parity: 'none' }, 9600),
      receivedByMisconfiguredPort(sent, { baud: 9600, dataBits: 7, parity: 'even' }, 9600),
      receivedByMisconfiguredPort(sent, { baud: 19_200, dataBits: 8, parity: 'none' }, 9600),
    ]);
    expect(garbage.length).toBeGreaterThan(sent.length);
    await pair.write(garbage);
    // Every garbage byte is accounted for as discarded once the line falls silent.
    await expect.poll(() => observed.discardedBytes(), WAIT).toBe(garbage.length);
    expect(observed.scans).toEqual([]);
    await pair.write(frame(SPECIMEN_TD3));
    await expect.poll(() => observed.scans.length, WAIT).toBe(1);
    expect(linesOf(observed.scans)).toEqual([SPECIMEN_TD3]);
  });
});
