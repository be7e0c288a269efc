import { sign } from 'node:crypto';
import path from 'node:path';
import { loadOrCreateEd25519KeyFile } from '../protocol/ed25519-key-file.js';
import { CentralConfigError } from './central-database.js';

const KEY_FILE = path.join('keys', 'central-ed25519.pem');

/** Central's Ed25519 identity: signs the deltas appliances download, which they check against the key pinned in their config. */
export interface CentralKey {
  /** The raw 32-byte public key, base64: what appliances pin. */
  readonly publicKeyBase64: string;
  sign(data: Buffer): Buffer;
}

export function centralKeyPath(dataDir: string): string {
  return path.join(dataDir, KEY_FILE);
}

/** Loads central's key, making it on first start: whoever reads it can sign alert lists every appliance will trust. */
export function loadOrCreateCentralKey(dataDir: string): CentralKey {
  const key = loadOrCreateEd25519KeyFile(centralKeyPath(dataDir), {
    name: "central's key",
    whenDamaged: 'restore it from backup, or make a new one and re-pin it on every appliance',
    fail: (message) => new CentralConfigError(message),
  });
  return { publicKeyBase64: key.publicKeyBase64, sign: (data) => sign(null, data, key.privateKey) };
}
