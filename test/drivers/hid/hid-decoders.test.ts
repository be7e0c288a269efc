/**
 * HID readers, from recorded report sequences: fed through the same 'data' path a real HIDAsync
 * device feeds, and replayed from the same files with a replay: spec.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyboardReportDecoder } from '../../../drivers/hid/keyboard-report-decoder.js';
import { HidDiscovery } from '../../../drivers/transports/hid-backend.js';
import { SPECIMEN_TD1, SPECIMEN_TD3 } from '../support/documents.js';
import { HID_FIXTURES, OneDeviceBus, fixtureReports } from '../support/fake-hid.js';
import { linesOf, observeReader } from '../support/reader-harness.js';

const WAIT = { timeout: 15_000, interval: 5 };
const ACCESS_IS = { path: 'usb-1-4:1.0', vendorId: 0x0db5, productId: 0x0160, interfaceNumber: 0, usagePage: 0xff00 };

async function hidReader(decoder: string, fixture: string) {
  const bus = new OneDeviceBus(ACCESS_IS);
  const observed = observeReader(`hid:0db5:0160?decoder=${decoder}`, {
    hidBackend: bus.backend,
    hidDiscovery: new HidDiscovery(bus.backend, { minIntervalMs: 0 }),
  });
  await expect.poll(() => observed.reader.status().state, WAIT).toBe('ready');
  bus.send(fixtureReports(fixture));
  return { bus, observed };
}

const CASES = [
  { decoder: 'keyboard', fixture: 'keyboard-td3.jsonl', documents: [SPECIMEN_TD3] },
  { decoder: 'keyboard', fixture: 'keyboard-td1-rollover.jsonl', documents: [SPECIMEN_TD1] },
  { decoder: 'keyboard', fixture: 'keyboard-td3-armenian-layout.jsonl', documents: [SPECIMEN_TD3] },
  { decoder: 'accessis', fixture: 'accessis-td3-td1-magstripe.jsonl', documents: [SPECIMEN_TD3, SPECIMEN_TD1] },
  { decoder: 'hidpos', fixture: 'hidpos-td1-td3.jsonl', documents: [SPECIMEN_TD1, SPECIMEN_TD3] },
] as const;

describe.each(CASES)('HID decoder $decoder, $fixture', ({ decoder, fixture, documents }) => {
  it('reads the documents from a device’s data events', async () => {
    const { observed } = await hidReader(decoder, fixture);
    await expect.poll(() => observed.scans.length, WAIT).toBe(documents.length);
    expect(linesOf(observed.scans)).toEqual(documents);
    expect(observed.scans.every((scan) => scan.mrz.valid)).toBe(true);
  });

  it('reads the same documents when the recording is replayed', async () => {
    const observed = observeReader(`replay:${HID_FIXTURES}${fixture}?pace=fast`);
    await expect.poll(() => observed.reader.status().final, WAIT).toBe(true);
    expect(linesOf(observed.scans)).toEqual(documents);
    expect(observed.states().at(-1)).toBe('disconnected/end-of-input');
  });
});

describe('HID readers', () => {
  it('reads P<UTO… on a kiosk set to Armenian, since usage IDs never pass through the OS layout', async () => {
    const { observed } = await hidReader('keyboard', 'keyboard-td3-armenian-layout.jsonl');
    await expect.poll(() => observed.scans.length, WAIT).toBe(1);
    expect(observed.scans[0]?.lines[0]?.startsWith('P<UTOERIKSSON<<ANNA<MARIA')).toBe(true);
  });

  it('drops an ACCESS-IS magstripe swipe and a malformed report without a scan, and counts them', async () => {
    const { observed } = await hidReader('accessis', 'accessis-td3-td1-magstripe.jsonl');
    await expect.poll(() => observed.scans.length, WAIT).toBe(2);
    const discarded = observed.reader.counters().discarded;
    expect(discarded.magstripe.events).toBe(1);
    expect(discarded['malformed-report'].events).toBe(1);
  });

  it('says disconnected when the device goes away, and reads again once it is back', async () => {
    const { bus, observed } = await hidReader('hidpos', 'hidpos-td1-td3.jsonl');
    await expect.poll(() => observed.scans.length, WAIT).toBe(2);
    bus.unplug();
    await expect.poll(() => observed.reader.status().state, WAIT).toBe('disconnected');
    bus.replug();
    await expect.poll(() => observed.reader.status().state, WAIT).toBe('ready');
    bus.send(fixtureReports('hidpos-td1-td3.jsonl'));
    await expect.poll(() => observed.scans.length, WAIT).toBe(4);
    expect(observed.states()).toContain('disconnected/unplugged');
  });
});

/** Boot reports for text typed with roll-over: the next key goes down before the last comes up. */
function typed(text: string, overlaps: readonly boolean[]): Buffer[] {
  const usage = (character: string): [number, boolean] => {
    if (character >= 'A' && character <= 'Z') return [0x04 + character.charCodeAt(0) - 65, true];
    if (character >= '1' && character <= '9') return [0x1e + character.charCodeAt(0) - 49, false];
    if (character === '0') return [0x27, false];
    if (character === '<') return [0x36, true];
    return [0x28, false];
  };
  const report = (shift: boolean, keys: readonly number[]): Buffer => Buffer.from([shift ? 0x20 : 0, 0, ...keys, ...new Array<number>(6 - keys.length).fill(0)]);
  const reports: Buffer[] = [];
  let held: number | null = null;
  Array.from(text).forEach((character, index) => {
    const [key, shift] = usage(character);
    if (held !== null && held !== key && overlaps[index % overlaps.length] === true) {
      reports.push(report(shift, [held, key]));
    } else if (held !== null) {
      reports.push(report(shift, []));
      reports.push(report(shift, [key]));
    } else {
      reports.push(report(shift, [key]));
    }
    reports.push(report(shift, [key]));
    held = key;
  });
  reports.push(report(false, []));
  return reports;
}

describe('the keyboard report decoder', () => {
  it('types exactly the text, whatever the roll-over and Shift pattern', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...Array.from('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<\r')) }), fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), (text, overlaps) => {
        const decoder = new KeyboardReportDecoder({ onDiscard: () => undefined });
        const out: Buffer[] = [];
        decoder.on('data', (chunk: Buffer) => out.push(chunk));
        for (const report of typed(text, overlaps)) decoder.write(report);
        expect(Buffer.concat(out).toString('latin1')).toBe(text);
      }),
    );
  });
});
