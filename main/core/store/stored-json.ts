import type * as z from 'zod';
import { StoredBodyError, decodeStoredBody } from './body-codec.js';
import { firstIssuePath } from '../../common/contract/describe-issues.js';

export type StoredJsonResult<T> =
  | { readonly ok: true; readonly record: T; /** The JSON text as stored, for callers that pass it on unchanged. */ readonly text: string }
  | { readonly ok: false; readonly problem: string };

/** A stored body read back: decompressed, parsed and validated by its schema, or the reason it is damaged. */
export function readStoredJson<T>(body: unknown, schema: z.ZodType<T>): StoredJsonResult<T> {
  let text: string;
  try {
    text = decodeStoredBody(body);
  } catch (error) {
    return { ok: false, problem: error instanceof StoredBodyError ? error.message : 'the stored body cannot be read' };
  }
  return readStoredText(text, schema);
}

/** A stored body's text (decoded already, as a query can for a plain body): parsed and validated by its schema, or the reason it is damaged. */
export function readStoredText<T>(text: string, schema: z.ZodType<T>): StoredJsonResult<T> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'the stored body is not JSON' };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, problem: `the stored record does not match its schema at ${firstIssuePath(parsed.error)}` };
  return { ok: true, record: parsed.data, text };
}
