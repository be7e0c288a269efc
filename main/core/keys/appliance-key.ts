import { sign, verify, type KeyObject } from 'node:crypto';
import path from 'node:path';
import { CoreStartError } from '../app/core-start-error.js';
import { loadOrCreateEd25519KeyFile } from '../../../sync/protocol/ed25519-key-file.js';

export const KEY_DIRECTORY = 'keys';
const PRIVATE_KEY_FILE = 'appliance-ed25519.pem';

/** The appliance's Ed25519 identity: signs audit checkpoints and sync batches. */
export interface ApplianceKey {
  /** The raw 32-byte public key, base64: what a technician registers with central. */
  readonly publicKeyBase64: string;
  readonly publicKey: KeyObject;
  sign(data: Buffer): Buffer;
  verify(data: Buffer, signature: Buffer): boolean;
}

/** The private key file is missing or unreadable in a way a technician must look at. */
export class ApplianceKeyError extends CoreStartError {
  constructor(message: string) {
    super(message);
    this.name = 'ApplianceKeyError';
  }
}

export function applianceKeyPath(dataDir: string): string {
  return path.join(dataDir, KEY_DIRECTORY, PRIVATE_KEY_FILE);
}

/**
 * Loads the appliance key, making it on first start, readable only by the
 * appliance's user: the key vouches for every record.
 */
export function loadOrCreateApplianceKey(dataDir: string): ApplianceKey {
  const { privateKey, publicKey, publicKeyBase64 } = loadOrCreateEd25519KeyFile(applianceKeyPath(dataDir), {
    name: 'the appliance key',
    whenDamaged: 'restore it from backup, or register a new key with central',
    fail: (message) => new ApplianceKeyError(message),
  });
  return {
    publicKey,
    publicKeyBase64,
    sign: (data) => sign(null, data, privateKey),
    verify: (data, signature) => verify(null, data, publicKey, signature),
  };
}
