import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

/** A protocol identity (the appliance's, central's): an Ed25519 key pair kept as a PKCS#8 PEM file. */
export interface Ed25519KeyFile {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** The raw 32 public bytes, base64: what the other side registers or pins. */
  readonly publicKeyBase64: string;
}

export interface KeyFileWording {
  /** How messages name the key, e.g. "the appliance key". */
  readonly name: string;
  /** What a technician should do when the file is damaged. */
  readonly whenDamaged: string;
  /** The error type the caller reports problems as. */
  readonly fail: (message: string) => Error;
}

/**
 * Loads the key, making it on first use. Owner-only permissions, and looser
 * ones found on an existing file are tightened: whoever reads the key can sign
 * in its owner's name.
 */
export function loadOrCreateEd25519KeyFile(file: string, wording: KeyFileWording): Ed25519KeyFile {
  const { name, fail } = wording;
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) {
      throw fail(`cannot read ${name} ${file}: ${error instanceof Error ? error.message : 'unknown error'}`);
    }
    const { privateKey } = generateKeyPairSync('ed25519');
    try {
      mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      pem = writeOnce(file, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    } catch (writeError) {
      throw fail(`cannot write ${name} ${file}: ${writeError instanceof Error ? writeError.message : 'unknown error'}`);
    }
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch {
    throw fail(`${name} ${file} is damaged: ${wording.whenDamaged}`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw fail(`${name} ${file} is not an Ed25519 key`);
  const publicKey = createPublicKey(privateKey);
  const jwk = publicKey.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw fail(`${name} ${file} has no Ed25519 public half`);
  return { privateKey, publicKey, publicKeyBase64: Buffer.from(jwk.x, 'base64url').toString('base64') };
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
