import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApplianceConfig } from '../../../../main/common/contract/config.js';
import { ConfigError } from '../../../../main/core/config/config-error.js';
import { loadConfigFile } from '../../../../main/core/config/config-file.js';
import { tempDir } from '../../../rigs/temp-dir.js';

const valid = {
  version: 1,
  applianceId: 'uto-bgt-03',
  crossingPoint: { code: 'UTO-BGT', name: 'Bagratashen road crossing (training)' },
  lane: 3,
  directionDefault: 'exit',
  readers: [{ id: 'desk-reader', spec: 'serial:/dev/ttyUSB0?baud=9600&framing=lines' }],
  central: { url: 'https://central.example.invalid/' },
};

function writeConfig(content: unknown): string {
  const file = path.join(tempDir(), 'config.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function loadError(file: string): ConfigError {
  try {
    loadConfigFile(file);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('the config file', () => {
  it('is written with working, owner-only defaults when missing', () => {
    const file = path.join(tempDir(), 'nested', 'config.json');
    const loaded = loadConfigFile(file);
    expect(loaded.created).toBe(true);
    expect(ApplianceConfig.parse(JSON.parse(readFileSync(file, 'utf8')))).toEqual(loaded.config);
    expect(loaded.config.applianceId).toMatch(/^sahman-[0-9a-f]{8}$/);
    expect(statSync(file).mode & 0o077).toBe(0);
    // A second start reads the same identity back instead of inventing a new one.
    expect(loadConfigFile(file)).toMatchObject({ created: false, config: loaded.config });
  });

  it('is read back as written when valid, with defaults for the settings it leaves out', () => {
    expect(loadConfigFile(writeConfig(valid)).config).toEqual({
      ...valid,
      central: { ...valid.central, deliveryDeadlineMinutes: 15 },
      checks: { expiringWithinDays: 30, rescanWindowSeconds: 60 },
      alerts: { maxListAgeHours: 24, personThresholds: {} },
      secondLine: { referralOverdueMinutes: 20 },
      session: { idleLockSeconds: 300, maxWrongPins: 5, lockoutMinutes: 5 },
      retention: { deliveredDays: 90 },
    });
    const tuned = {
      ...valid,
      central: { ...valid.central, deliveryDeadlineMinutes: 60 },
      checks: { expiringWithinDays: 90, rescanWindowSeconds: 10 },
      session: { idleLockSeconds: 60, maxWrongPins: 3, lockoutMinutes: 15 },
      alerts: { maxListAgeHours: 6, personThresholds: { 'red-notice': 0.85 } },
      secondLine: { referralOverdueMinutes: 45 },
      retention: { deliveredDays: 30 },
    };
    expect(loadConfigFile(writeConfig(tuned)).config).toEqual(tuned);
  });

  it('names the field and the problem when a value is wrong', () => {
    const error = loadError(writeConfig({ ...valid, lane: 'two' }));
    expect(error.message).toContain('config.json');
    expect(error.message).toMatch(/lane: .*number/);
  });

  it('names a misspelt key instead of ignoring it', () => {
    expect(loadError(writeConfig({ ...valid, lnae: 3 })).message).toMatch(/lnae/);
  });

  it('names nested fields with their path', () => {
    const error = loadError(writeConfig({ ...valid, readers: [{ id: 'Bad Id', spec: 'sim:' }] }));
    expect(error.message).toMatch(/readers\.0\.id: /);
    const twice = loadError(writeConfig({ ...valid, readers: [{ id: 'a', spec: 'sim:' }, { id: 'a', spec: 'sim:' }] }));
    expect(twice.message).toMatch(/readers\.1\.id: reader id "a" is used twice/);
  });

  it('names a reader spec that cannot be used, so the technician fixes it before the lane opens', () => {
    const error = loadError(writeConfig({ ...valid, readers: [{ id: 'desk', spec: 'serial:/dev/ttyUSB0?framing=smoke-signals' }] }));
    expect(error.message).toMatch(/readers\.0\.spec: framing: /);
  });

  it('refuses text that is not JSON, saying so', () => {
    expect(loadError(writeConfig('{ "lane": 3, ')).message).toMatch(/is not valid JSON/);
  });

  it('refuses a central URL that is not http(s)', () => {
    expect(loadError(writeConfig({ ...valid, central: { url: 'ftp://central' } })).message).toMatch(/central\.url/);
  });

  it('refuses a person threshold so low that a traveller whose surname was not found could be a hit', () => {
    const error = loadError(writeConfig({ ...valid, alerts: { maxListAgeHours: 24, personThresholds: { 'red-notice': 0.4 } } }));
    expect(error.message).toMatch(/alerts\.personThresholds\.red-notice: /);
  });
});
