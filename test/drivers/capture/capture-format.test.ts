import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaptureFormatError, headerForDecoding, parseCapture } from '../../../drivers/capture/capture-format.js';
import { CaptureWriter } from '../../../drivers/capture/capture-writer.js';
import { tempDir } from '../../rigs/temp-dir.js';

describe('the capture format', () => {
  it('reads a capture written by hand: text or spaced hex, times left out, a recorded unplug', () => {
    const capture = parseCapture(
      [
        '{"sahmanCapture":1,"transport":"serial","framing":"desko","sod":"01","eod":"04","note":"by hand"}',
        '',
        '{"t":0,"text":"\\u0001\\u0002P<UTO"}',
        '{"hex":"41 42 0d"}',
        '{"t":250.5,"event":"disconnected","comment":"other tools may add keys"}',
        '{"t":100,"hex":"03"}',
      ].join('\n'),
    );
    expect(capture.decoding).toEqual({ input: 'bytes', framing: { kind: 'desko', sod: 1, eod: 4 } });
    expect(capture.entries).toEqual([
      { t: 0, kind: 'chunk', bytes: Buffer.from([1, 2, ...Buffer.from('P<UTO')]) },
      { t: 0, kind: 'chunk', bytes: Buffer.from([0x41, 0x42, 0x0d]) },
      { t: 250.5, kind: 'event', event: 'disconnected' },
      // Out of order: played at once, not back in time.
      { t: 250.5, kind: 'chunk', bytes: Buffer.from([3]) },
    ]);
  });

  it('says which line is wrong and why', () => {
    const header = '{"sahmanCapture":1,"transport":"hid","decoder":"keyboard"}';
    expect(() => parseCapture('')).toThrow(/empty/);
    expect(() => parseCapture('{"transport":"serial"}')).toThrow(/not a Sahman capture/);
    expect(() => parseCapture('{"sahmanCapture":2,"transport":"serial"}')).toThrow(/version 2 is newer/);
    expect(() => parseCapture('{"sahmanCapture":1,"transport":"hid"}')).toThrow(/needs "decoder"/);
    expect(() => parseCapture(`${header}\n{"t":1,"hex":"zz"}`)).toThrow(/capture line 2: hex/);
    expect(() => parseCapture(`${header}\n{"t":1}`)).toThrow(/exactly one of/);
    expect(() => parseCapture(`${header}\n{"t":1,"text":"Պ"}`)).toThrow(/U\+00FF/);
    expect(() => parseCapture(`${header}\nnot json`)).toThrow(CaptureFormatError);
  });

  it('writes what it reads back: header, chunks with times, events, owner-only file, never over another', async () => {
    const file = path.join(tempDir(), 'capture.jsonl');
    const writer = await CaptureWriter.create(file, 1000);
    writer.writeHeader(headerForDecoding({ input: 'hid-reports', decoder: 'hidpos' }, { source: 'hid:0c2e:0b61?decoder=hidpos', recordedAt: '2025-06-15T08:00:00.000Z' }));
    writer.chunk(Buffer.from([2, 3, 4]), 1000);
    writer.event('disconnected', 1500.25);
    writer.chunk(Buffer.from([5]), 1600);
    await writer.close();
    const capture = parseCapture(readFileSync(file, 'utf8'));
    expect(capture.header).toMatchObject({ sahmanCapture: 1, transport: 'hid', decoder: 'hidpos', source: 'hid:0c2e:0b61?decoder=hidpos' });
    expect(capture.entries).toEqual([
      { t: 0, kind: 'chunk', bytes: Buffer.from([2, 3, 4]) },
      { t: 500.25, kind: 'event', event: 'disconnected' },
      { t: 600, kind: 'chunk', bytes: Buffer.from([5]) },
    ]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await expect(CaptureWriter.create(file, 0)).rejects.toThrow(/EEXIST/);
  });
});
