import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CoreStartError } from '../app/core-start-error.js';
import { writeFileDurably } from '../fs/durable-write.js';

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
 * Loads the appliance key, making it on first start. The private key is
 * readable only by the appliance's user; looser permissions found on an
 * existing file are tightened, since the key vouches for every record.
 */
export function loadOrCreateApplianceKey(dataDir: string): ApplianceKey {
  const file = applianceKeyPath(dataDir);
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) {
      throw new ApplianceKeyError(`cannot read the appliance key ${file}: ${error instanceof Error ? error.message : 'unknown error'}`);
    }
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ed25519');
    pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    writeFileDurably(file, pem, 0o600);
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch {
    throw new ApplianceKeyError(`the appliance key ${file} is damaged: restore it from backup, or register a new key with central`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new ApplianceKeyError(`the appliance key ${file} is not an Ed25519 key`);
  const publicKey = createPublicKey(privateKey);
  return {
    publicKey,
    publicKeyBase64: rawPublicKey(publicKey).toString('base64'),
    sign: (data) => sign(null, data, privateKey),
    verify: (data, signature) => verify(null, data, publicKey, signature),
  };
}

/** The 32 raw key bytes, without the SPKI wrapping. */
export function rawPublicKey(publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new ApplianceKeyError('not an Ed25519 public key');
  return Buffer.from(jwk.x, 'base64url');
}
