import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { AUDIT_DICTIONARY_V1, RECORD_DICTIONARY_V1 } from './body-dictionaries.js';

/**
 * Crossing and void bodies are kept as raw deflate with a preset dictionary: a
 * crossing's JSON is about 1.3 KB, mostly the same keys and codes every time,
 * and the dictionary lets deflate refer back to them from the first byte. A
 * crossing then takes about a tenth of its JSON size.
 *
 * Audit events (about 300 B each, two or three per crossing) are kept as their
 * plain UTF-8 text. Deflate would halve them, but every body inflated builds a
 * zlib stream and handle, some 6 µs of CPU and a finalizer for the garbage
 * collector, whatever the body's size; two in three items of a backlog are
 * audit events, and the relay reads each one back to send it. Storing them
 * plain took about a tenth off the appliance's CPU per item in a drain, for
 * some 430 B more per crossing on disk.
 *
 * The first byte names the codec, so that a codec or dictionary can be
 * replaced without rewriting what was stored with the old one: audit events
 * written deflated (codec 2) before stay readable.
 */
const PLAIN_UTF8 = 0;
const CODECS = {
  1: RECORD_DICTIONARY_V1,
  2: AUDIT_DICTIONARY_V1,
} as const satisfies Record<number, Buffer>;
type CodecByte = keyof typeof CODECS;

/**
 * zlib's output buffer per call. Its default (16 KB) is allocated afresh for
 * every body and is most of what a body this small costs to (de)compress; a
 * buffer under 4 KB comes from Node's pool. These hold a typical body in one
 * piece (a larger one just takes more pieces), and halve the time the relay
 * spends inflating a backlog.
 */
const DEFLATE_CHUNK_BYTES = 1024;
const INFLATE_CHUNK_BYTES = 2048;

/** The SHA-256 of each codec's dictionary, for the test that keeps them from changing. */
export function dictionaryDigests(): Record<string, string> {
  return Object.fromEntries(Object.entries(CODECS).map(([codec, dictionary]) => [codec, createHash('sha256').update(dictionary).digest('hex')]));
}

/** A stored body that cannot be turned back into text: damaged on disk, or written by something else. */
export class StoredBodyError extends Error {
  override readonly name = 'StoredBodyError';
}

function encode(codec: CodecByte, text: string): Buffer {
  const packed = deflateRawSync(Buffer.from(text, 'utf8'), { dictionary: CODECS[codec], chunkSize: DEFLATE_CHUNK_BYTES });
  return Buffer.concat([Buffer.of(codec), packed]);
}

/** A crossing's or a void's JSON, as stored. */
export function encodeRecordBody(json: string): Buffer {
  return encode(1, json);
}

/** An audit event's canonical JSON, as stored (plain); the chain hashes the text, not these bytes. */
export function encodeAuditBody(canonicalJson: string): Buffer {
  const stored = Buffer.allocUnsafe(1 + Buffer.byteLength(canonicalJson, 'utf8'));
  stored[0] = PLAIN_UTF8;
  stored.write(canonicalJson, 1, 'utf8');
  return stored;
}

/** Damaged bytes are an error here, not U+FFFD: a replaced byte could still make valid JSON. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function plainText(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new StoredBodyError('the stored body is not UTF-8 text');
  }
}

export function decodeStoredBody(stored: unknown): string {
  if (!(stored instanceof Uint8Array) || stored.length === 0) throw new StoredBodyError('the stored body is not a body this appliance writes');
  const codec = stored[0];
  if (codec === PLAIN_UTF8) return plainText(stored.subarray(1));
  if (stored.length < 2) throw new StoredBodyError('the stored body is truncated');
  const dictionary = codec === 1 || codec === 2 ? CODECS[codec] : undefined;
  if (dictionary === undefined) throw new StoredBodyError(`the stored body uses unknown codec ${String(codec)}`);
  try {
    return inflateRawSync(stored.subarray(1), { dictionary, chunkSize: INFLATE_CHUNK_BYTES }).toString('utf8');
  } catch (error) {
    throw new StoredBodyError(`the stored body does not decompress: ${error instanceof Error ? error.message : String(error)}`);
  }
}
