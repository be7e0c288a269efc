import { chmodSync, statSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ApplianceKeyError, applianceKeyPath, loadOrCreateApplianceKey } from '../../../../main/core/keys/appliance-key.js';
import { tempDir } from '../../../rigs/temp-dir.js';

describe('the appliance key', () => {
  it('is made at first start, kept owner-only, and the same afterwards', () => {
    const dataDir = tempDir();
    const first = loadOrCreateApplianceKey(dataDir);
    expect(Buffer.from(first.publicKeyBase64, 'base64')).toHaveLength(32);
    expect(statSync(applianceKeyPath(dataDir)).mode & 0o777).toBe(0o600);
    expect(loadOrCreateApplianceKey(dataDir).publicKeyBase64).toBe(first.publicKeyBase64);
  });

  it('signs so that the public key verifies, and a changed byte does not', () => {
    const key = loadOrCreateApplianceKey(tempDir());
    const data = Buffer.from('v1|uto-lane-1|2026-11-28T00:00:00Z|digest');
    const signature = key.sign(data);
    expect(key.verify(data, signature)).toBe(true);
    const tampered = Buffer.from(data);
    tampered[0] = 0x77;
    expect(key.verify(tampered, signature)).toBe(false);
  });

  it('tightens loose permissions on an existing key file', () => {
    const dataDir = tempDir();
    loadOrCreateApplianceKey(dataDir);
    chmodSync(applianceKeyPath(dataDir), 0o644);
    loadOrCreateApplianceKey(dataDir);
    expect(statSync(applianceKeyPath(dataDir)).mode & 0o777).toBe(0o600);
  });

  it('refuses a damaged key file with a clear error instead of making a new identity', () => {
    const dataDir = tempDir();
    loadOrCreateApplianceKey(dataDir);
    writeFileSync(applianceKeyPath(dataDir), '-----BEGIN PRIVATE KEY-----\nbroken\n-----END PRIVATE KEY-----\n');
    expect(() => loadOrCreateApplianceKey(dataDir)).toThrow(ApplianceKeyError);
    expect(() => loadOrCreateApplianceKey(dataDir)).toThrow(/damaged/);
  });
});
