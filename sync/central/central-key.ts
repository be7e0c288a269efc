import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
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

/**
 * Loads central's key, making it on first start. Owner-only permissions, and
 * looser ones found on an existing file are tightened: whoever reads the key
 * can sign alert lists every appliance will trust.
 */
export function loadOrCreateCentralKey(dataDir: string): CentralKey {
  const file = centralKeyPath(dataDir);
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) {
      throw new CentralConfigError(`cannot read central's key ${file}: ${error instanceof Error ? error.message : 'unknown error'}`);
    }
    const { privateKey } = generateKeyPairSync('ed25519');
    pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    try {
      mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      pem = writeOnce(file, pem);
    } catch (writeError) {
      throw new CentralConfigError(`cannot write central's key ${file}: ${writeError instanceof Error ? writeError.message : 'unknown error'}`);
    }
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch {
    throw new CentralConfigError(`central's key ${file} is damaged: restore it from backup, or make a new one and re-pin it on every appliance`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new CentralConfigError(`central's key ${file} is not an Ed25519 key`);
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new CentralConfigError(`central's key ${file} has no Ed25519 public half`);
  return {
    publicKeyBase64: Buffer.from(jwk.x, 'base64url').toString('base64'),
    sign: (data) => sign(null, data, privateKey),
  };
}

/**
 * Sibling, fsync, link, fsync the folder: a crash leaves either no key or the
 * whole key, never a torn one. link() rather than rename() so that when two
 * processes make the key at once (`serve` and `key` started together), the
 * second finds the first's key and uses it instead of replacing it.
 * Returns the key that is on disk.
 */
function writeOnce(file: string, content: string): string {
  const temporary = `${file}.${String(process.pid)}.tmp`;
  const fd = openSync(temporary, 'w', 0o600);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  let onDisk = content;
  try {
    linkSync(temporary, file);
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
    onDisk = readFileSync(file, 'utf8');
  } finally {
    unlinkSync(temporary);
  }
  const dirFd = openSync(path.dirname(file), 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
  return onDisk;
}
