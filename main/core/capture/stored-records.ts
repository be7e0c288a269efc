import { CrossingRecord, ResolutionRecord, VoidRecord } from '../../common/contract/crossing.js';
import { canonicalJson } from '../../common/json/canonical-json.js';
import { encodeRecordBody } from '../store/body-codec.js';
import { readStoredJson, type StoredJsonResult } from '../store/stored-json.js';

/**
 * The stored form of a crossing, a void or a resolution: its canonical JSON, compressed.
 * Canonical because the relay sends this text as it is, and central, which
 * digests every item in canonical form, then has nothing to reorder.
 */
export function storedBody(record: CrossingRecord | VoidRecord | ResolutionRecord): Buffer {
  return encodeRecordBody(canonicalJson(record));
}

/** A crossing read back: decompressed, parsed and validated, or the reason it is damaged. */
export function readStoredCrossing(body: unknown): StoredJsonResult<CrossingRecord> {
  return readStoredJson(body, CrossingRecord);
}

export function readStoredVoid(body: unknown): StoredJsonResult<VoidRecord> {
  return readStoredJson(body, VoidRecord);
}

export function readStoredResolution(body: unknown): StoredJsonResult<ResolutionRecord> {
  return readStoredJson(body, ResolutionRecord);
}
