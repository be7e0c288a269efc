import { describe, expect, it } from 'vitest';
import { SIMULATED_ALERT_LIST } from '../../../drivers/simulator/travellers.js';
import { observeReader } from '../support/reader-harness.js';

const WAIT = { timeout: 15_000, interval: 5 };

async function simulate(options: string) {
  const observed = observeReader(`sim:?interval=0.002&count=40&seed=3&${options}`);
  await expect.poll(() => observed.reader.status().final, WAIT).toBe(true);
  return observed;
}

describe('the simulator', () => {
  it('sends realistic documents in all five formats, all valid by default, then ends', async () => {
    const observed = await simulate('');
    const scans = observed.scans;
    expect(scans).toHaveLength(40);
    expect(new Set(scans.map((scan) => scan.mrz.format))).toEqual(new Set(['TD1', 'TD2', 'TD3', 'MRV-A', 'MRV-B']));
    expect(scans.every((scan) => scan.mrz.valid && scan.mrz.corrections.length === 0)).toBe(true);
    expect(scans.every((scan) => scan.mrz.format !== null && scan.mrz.fields.issuingState === 'UTO')).toBe(true);
    expect(observed.states().at(-1)).toBe('disconnected/end-of-input');
  });

  it('makes the configured share invalid, expired, corrected by OCR, or of alert-listed travellers', async () => {
    const invalid = await simulate('invalid=1');
    expect(invalid.scans.every((scan) => !scan.mrz.valid && scan.mrz.errors.some((error) => error.code === 'check-digit-mismatch'))).toBe(true);

    const today = new Date().toISOString().slice(0, 10);
    const expired = await simulate('expired=1&formats=TD3');
    expect(expired.scans.every((scan) => scan.mrz.valid && scan.mrz.format === 'TD3' && (scan.mrz.fields.expiryDateIso ?? '') < today)).toBe(true);

    const corrected = await simulate('corrected=1');
    expect(corrected.scans.every((scan) => scan.mrz.valid && scan.mrz.corrections.length > 0)).toBe(true);

    const alerts = await simulate('alerts=1');
    const listed = new Set(SIMULATED_ALERT_LIST.map((traveller) => traveller.documentNumber));
    expect(alerts.scans.every((scan) => scan.mrz.format !== null && listed.has(scan.mrz.fields.documentNumber))).toBe(true);
  });

  it('mixes shares roughly as asked', async () => {
    const observed = observeReader('sim:?interval=0.001&count=400&seed=8&invalid=0.25');
    await expect.poll(() => observed.reader.status().final, WAIT).toBe(true);
    const share = observed.scans.filter((scan) => !scan.mrz.valid).length / observed.scans.length;
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.35);
  });

  it('goes through the framing it is given, like a real reader', async () => {
    const observed = await simulate('framing=accessis');
    expect(observed.scans).toHaveLength(40);
    expect(observed.scans.every((scan) => scan.raw[0] === 0x1c && scan.raw[1] === 0x02)).toBe(true);
  });

  it('with interval 0, sends nothing by itself and one document of the asked kind on demand', async () => {
    const observed = observeReader('sim:?interval=0&seed=4&framing=accessis');
    await expect.poll(() => observed.reader.status().state, WAIT).toBe('ready');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(observed.scans).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    const eighteenYearsAgo = `${String(new Date().getUTCFullYear() - 18)}${today.slice(4)}`;
    for (const kind of ['valid', 'expired', 'ocr-error', 'minor', 'valid'] as const) observed.reader.simulateScan(kind);
    await expect.poll(() => observed.scans.length, WAIT).toBe(5);
    const [valid, expired, misread, minor, again] = observed.scans.map((scan) => scan.mrz);
    // Framed like the configured reader, so the whole pipeline ran.
    expect(observed.scans.every((scan) => scan.raw[0] === 0x1c)).toBe(true);
    expect(valid).toMatchObject({ valid: true, corrections: [], fields: { issuingState: 'UTO', nationality: 'UTO' } });
    expect((valid?.fields.expiryDateIso ?? '') > today).toBe(true);
    expect((valid?.fields.birthDateIso ?? '9') < eighteenYearsAgo).toBe(true);
    expect(expired).toMatchObject({ valid: true, corrections: [] });
    expect((expired?.fields.expiryDateIso ?? '9') < today).toBe(true);
    expect(misread?.valid).toBe(true);
    expect(misread?.corrections).not.toEqual([]);
    expect(minor).toMatchObject({ valid: true, corrections: [] });
    expect((minor?.fields.birthDateIso ?? '') > eighteenYearsAgo).toBe(true);
    expect(again?.fields.documentNumber).not.toBe(valid?.fields.documentNumber);
  });

  it('refuses a scan on demand from a reader that is not a simulator', () => {
    const observed = observeReader('replay:/nonexistent/capture.jsonl');
    expect(() => {
      observed.reader.simulateScan('valid');
    }).toThrow(expect.objectContaining({ name: 'SimulateScanError', reason: 'not-a-simulator' }));
    const broken = observeReader('sim:?interval=-1');
    expect(broken.reader.kind).toBe('sim');
    expect(() => {
      broken.reader.simulateScan('valid');
    }).toThrow(expect.objectContaining({ reason: 'not-a-simulator' }));
  });
});
