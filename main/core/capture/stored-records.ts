import type { z } from 'zod';
import { CrossingRecord, VoidRecord } from '../../common/contract/crossing.js';
import { StoredBodyError, decodeStoredBody, encodeRecordBody } from '../store/body-codec.js';

export type StoredRecordResult<T> = { readonly ok: true; readonly record: T } | { readonly ok: false; readonly problem: string };

/** The stored form of a crossing or a void: its JSON, compressed. */
export function storedBody(record: CrossingRecord | VoidRecord): Buffer {
  return encodeRecordBody(JSON.stringify(record));
}

/** A crossing read back: decompressed, parsed and validated, or the reason it is damaged. */
export function readStoredCrossing(body: unknown): StoredRecordResult<CrossingRecord> {
  return readStored(body, CrossingRecord);
}

export function readStoredVoid(body: unknown): StoredRecordResult<VoidRecord> {
  return readStored(body, VoidRecord);
}

function readStored<T>(body: unknown, schema: z.ZodType<T>): StoredRecordResult<T> {
  let json: unknown;
  try {
    json = JSON.parse(decodeStoredBody(body));
  } catch (error) {
    return { ok: false, problem: error instanceof StoredBodyError ? error.message : 'the stored body is not JSON' };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, problem: `the stored record does not match its schema at ${parsed.error.issues[0]?.path.join('.') ?? '?'}` };
  return { ok: true, record: parsed.data };
}
