import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { frameDocument } from '../../../drivers/framing/framings.js';
import { tempDir } from '../../rigs/temp-dir.js';
import { SPECIMEN_TD1, SPECIMEN_TD3 } from '../support/documents.js';
import { linesOf, observeReader } from '../support/reader-harness.js';

const WAIT = { timeout: 15_000, interval: 5 };

function capture(lines: readonly object[]): string {
  const file = path.join(tempDir(), 'capture.jsonl');
  writeFileSync(file, lines.map((line) => JSON.stringify(line)).join('\n'));
  return file;
}

describe('replaying a capture', () => {
  it('plays a serial capture at its recorded pace through the same framing, then ends', async () => {
    const td3 = frameDocument(SPECIMEN_TD3, { kind: 'stx-etx-lrc' });
    const file = capture([
      { sahmanCapture: 1, transport: 'serial', framing: 'stx-etx-lrc' },
      { t: 0, hex: td3.subarray(0, 30).toString('hex') },
      { t: 40, hex: td3.subarray(30).toString('hex') },
      { t: 80, hex: frameDocument(SPECIMEN_TD1, { kind: 'stx-etx-lrc' }).toString('hex') },
    ]);
    const observed = observeReader(`replay:${file}`);
    await expect.poll(() => observed.reader.status().final, WAIT).toBe(true);
    expect(linesOf(observed.scans)).toEqual([SPECIMEN_TD3, SPECIMEN_TD1]);
    expect(observed.states()).toEqual(['connecting', 'ready', 'disconnected/end-of-input']);
  });

  it('does not join a frame cut by a recorded unplug to the bytes after it', async () => {
    const td3 = frameDocument(SPECIMEN_TD3, { kind: 'lines' });
    const file = capture([
      { sahmanCapture: 1, transport: 'serial', framing: 'lines' },
      { t: 0, hex: td3.subarray(0, 50).toString('hex') },
      { t: 1, event: 'disconnected' },
      { t: 2, event: 'connected' },
      { t: 3, hex: td3.subarray(50).toString('hex') },
      { t: 4, text: `${SPECIMEN_TD1.join('\r')}\r` },
    ]);
    const observed = observeReader(`replay:${file}?pace=fast`);
    await expect.poll(() => observed.reader.status().final, WAIT).toBe(true);
    expect(linesOf(observed.scans)).toEqual([SPECIMEN_TD1]);
    expect(observed.reader.counters().discarded.partial.bytes).toBeGreaterThan(0);
  });

  it('stops with a final error naming the line when the capture is not one', async () => {
    const file = capture([{ sahmanCapture: 1, transport: 'serial' }, { t: 'soon', hex: '00' }]);
    const observed = observeReader(`replay:${file}`);
    await expect.poll(() => observed.reader.status().final, WAIT).toBe(true);
    expect(observed.reader.status()).toMatchObject({ state: 'error', reason: 'invalid-capture', message: expect.stringContaining('line 2') });
  });
});
