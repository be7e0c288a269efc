import { isAscii } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { MAX_BODY_BYTES } from '../protocol/wire.js';
import { refuse } from './replies.js';

/**
 * The body exactly as sent (the signature covers these bytes), refused with
 * 413 as soon as it grows past the limit rather than after buffering it all.
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > limit) return Promise.reject(refuse(413, 'too_large', `the body is larger than ${String(limit)} bytes`, { closeConnection: true }));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        req.pause();
        reject(refuse(413, 'too_large', `the body is larger than ${String(limit)} bytes`, { closeConnection: true }));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onClose = () => {
      cleanup();
      reject(new Error('the client went away mid-request'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

/** zlib's smallest useful output buffer, for a body whose trailer claims less. */
const MIN_OUTPUT_CHUNK = 64 * 1024;

/** The size a gzip member's trailer gives for its content (modulo 4 GiB; the last member's, if several): a hint, never trusted. */
function declaredSize(body: Buffer): number {
  const GZIP_MIN_LENGTH = 18;
  return body.length >= GZIP_MIN_LENGTH ? body.readUInt32LE(body.length - 4) : 0;
}

/**
 * Inflates a gzip'd body, stopping at the limit: a few KB of gzip can inflate
 * to gigabytes. Synchronous: a batch inflates in about a millisecond, less than
 * the round trip to the thread pool costs, and only an authenticated appliance gets here.
 * The output goes into one buffer of the size the trailer declares (within the
 * limit): in zlib's default 16 KB pieces, a batch's megabyte or two would be
 * copied together again at the end.
 */
export function gunzipLimited(body: Buffer, limit = MAX_BODY_BYTES): Buffer {
  const chunkSize = Math.min(limit, Math.max(MIN_OUTPUT_CHUNK, declaredSize(body) + 1));
  try {
    return gunzipSync(body, { maxOutputLength: limit, chunkSize });
  } catch (error) {
    if (error instanceof RangeError || (error instanceof Error && 'code' in error && error.code === 'ERR_BUFFER_TOO_LARGE')) {
      throw refuse(413, 'too_large', `the body inflates to more than ${String(limit)} bytes`);
    }
    // invalid_batch here and below means "malformed request": the protocol has one code for it.
    throw refuse(400, 'invalid_batch', 'the body is not valid gzip');
  }
}

/** The request's content-encoding, lower-cased; '' when none or identity. */
export function contentEncoding(req: IncomingMessage): string {
  const value = (req.headers['content-encoding'] ?? '').trim().toLowerCase();
  return value === 'identity' ? '' : value;
}

/**
 * JSON text to a value, without echoing any of the text back (it may hold
 * travellers' data). A batch decoded as UTF-8 becomes one large string on the
 * JS heap, which only a full collection frees; ASCII text (as the zones and
 * codes of most records are) decodes as Latin-1 to the same string, and Node
 * keeps a string that large off the heap.
 */
export function parseJson(text: Buffer): unknown {
  try {
    return JSON.parse(isAscii(text) ? text.toString('latin1') : text.toString('utf8'));
  } catch {
    throw refuse(400, 'invalid_batch', 'the body is not JSON');
  }
}
