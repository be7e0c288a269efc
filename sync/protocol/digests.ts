import { canonicalJson } from '../../main/common/json/canonical-json.js';
import { sha256Hex } from './signing.js';
import type { SyncItem } from './wire.js';

/** An item's digest: what central compares when the same seq arrives twice. */
export function itemDigest(item: SyncItem): string {
  return sha256Hex(canonicalJson(item));
}

/** The moment an item happened, which decides the UTC day it is reconciled under. */
export function itemTime(item: SyncItem): string {
  return item.kind === 'audit' ? item.record.at : item.record.recordedAt;
}

/** One day's digest: SHA-256 over its item digests in seq order, joined by newlines. */
export function dayDigest(itemDigestsInSeqOrder: readonly string[]): string {
  return sha256Hex(itemDigestsInSeqOrder.join('\n'));
}
