import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReaderSpecError, parseReaderSpec, safeParseReaderSpec } from '../../../drivers/spec/reader-spec.js';

function issuesOf(spec: string): string[] {
  const result = safeParseReaderSpec(spec);
  if (result.ok) throw new Error(`"${spec}" parsed`);
  return result.error.issues.map((issue) => issue.option);
}

describe('reader specs', () => {
  it('reads the four kinds of spec the config file holds', () => {
    expect(parseReaderSpec('serial:/dev/ttyUSB0?baud=9600&framing=lines')).toMatchObject({
      kind: 'serial',
      path: '/dev/ttyUSB0',
      baudRate: 9600,
      dataBits: 8,
      parity: 'none',
      stopBits: 1,
      framing: { kind: 'lines' },
      rereadWindowMs: 1000,
      idleTimeoutMs: 600_000,
    });
    expect(parseReaderSpec('hid:0db5:0160?decoder=accessis')).toMatchObject({ kind: 'hid', vendorId: 0x0db5, productId: 0x0160, decoder: 'accessis' });
    expect(parseReaderSpec('sim:?interval=5&invalid=0.1')).toMatchObject({ kind: 'sim', intervalSeconds: 5, invalid: 0.1, formats: ['TD1', 'TD2', 'TD3', 'MRV-A', 'MRV-B'], count: null });
    // 0: documents only on demand.
    expect(parseReaderSpec('sim:?interval=0')).toMatchObject({ kind: 'sim', intervalSeconds: 0 });
    expect(parseReaderSpec('sim:?interval=0.001')).toMatchObject({ intervalSeconds: 0.001 });
    expect(safeParseReaderSpec('sim:?interval=0.0005')).toMatchObject({ ok: false, error: { issues: [{ option: 'interval', message: 'must be 0 (documents only on demand) or at least 0.001' }] } });
    expect(safeParseReaderSpec('sim:?interval=-1')).toMatchObject({ ok: false, error: { issues: [{ option: 'interval' }] } });
    expect(parseReaderSpec('replay:/path/capture.jsonl?pace=recorded')).toMatchObject({ kind: 'replay', file: '/path/capture.jsonl', pace: 'recorded' });
  });

  it('takes every serial line setting and the framing options', () => {
    expect(parseReaderSpec('serial:/dev/serial/by-id/usb-ACME?baud=115200&dataBits=7&parity=even&stopBits=2&framing=desko&sod=01&eod=0x04&gap=50&maxFrame=512&reread=0&idle=0')).toMatchObject({
      baudRate: 115_200,
      dataBits: 7,
      parity: 'even',
      stopBits: 2,
      framing: { kind: 'desko', sod: 0x01, eod: 0x04 },
      limits: { gapMs: 50, maxFrameBytes: 512 },
      rereadWindowMs: 0,
      idleTimeoutMs: 0,
    });
    expect(parseReaderSpec('serial:/dev/ttyACM0?framing=desko').kind === 'serial' && parseReaderSpec('serial:/dev/ttyACM0?framing=desko')).toMatchObject({ framing: { kind: 'desko', sod: 0x1c, eod: 0x1d } });
    expect(parseReaderSpec('hid:0DB5:0160?decoder=keyboard&interface=1&usagePage=0xff00&serial=A1')).toMatchObject({ interfaceNumber: 1, usagePage: 0xff00, serialNumber: 'A1' });
    expect(parseReaderSpec('sim:?formats=td3,mrv-b&seed=9&count=3&framing=stx-etx-lrc')).toMatchObject({ formats: ['TD3', 'MRV-B'], seed: 9, count: 3, framing: { kind: 'stx-etx-lrc' } });
  });

  it('names the option at fault, with a typed error', () => {
    expect(issuesOf('serial:/dev/ttyUSB0?baud=fast')).toEqual(['baud']);
    expect(issuesOf('serial:/dev/ttyUSB0?framing=xml')).toEqual(['framing']);
    expect(issuesOf('serial:/dev/ttyUSB0?bauds=9600')).toEqual(['bauds']);
    expect(issuesOf('serial:/dev/ttyUSB0?baud=9600&baud=19200')).toEqual(['baud']);
    expect(issuesOf('serial:/dev/ttyUSB0?sod=1c')).toEqual(['sod']);
    expect(issuesOf('serial:')).toEqual(['path']);
    expect(issuesOf('hid:0db5?decoder=accessis')).toEqual(['device']);
    expect(issuesOf('hid:0db5:0160')).toEqual(['decoder']);
    expect(issuesOf('sim:/dev/x')).toEqual(['target']);
    expect(issuesOf('sim:?invalid=1.5')).toEqual(['invalid']);
    expect(issuesOf('sim:?invalid=0.7&corrected=0.5')).toEqual(['invalid']);
    expect(issuesOf('replay:?pace=slow')).toEqual(['file', 'pace']);
    expect(issuesOf('usb:/dev/x')).toEqual(['scheme']);
    expect(issuesOf('/dev/ttyUSB0')).toEqual(['scheme']);
    expect(() => parseReaderSpec('serial:/dev/ttyUSB0?baud=fast')).toThrow(ReaderSpecError);
    expect(() => parseReaderSpec('serial:/dev/ttyUSB0?baud=fast')).toThrow(/baud: must be a whole number/);
  });

  it('never throws anything but a ReaderSpecError, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom('serial:', 'hid:', 'sim:', 'replay:').chain((scheme) => fc.string().map((rest) => scheme + rest))), (text) => {
        try {
          parseReaderSpec(text);
        } catch (error) {
          expect(error).toBeInstanceOf(ReaderSpecError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
