import { randomUUID } from 'node:crypto';
import type { AuditEvent } from '../../../main/common/contract/audit.js';
import type { CrossingRecord, DocumentSnapshot, VoidRecord } from '../../../main/common/contract/crossing.js';
import { formatMrz, parseMrz } from '../../../main/common/icao/index.js';
import type { SyncItem } from '../../../sync/protocol/wire.js';
import { SPECIMEN_PASSPORT } from '../../rigs/specimens.js';

export const APPLIANCE = 'uto-lane-1';

export type CrossingItem = Extract<SyncItem, { kind: 'crossing' }>;
export type AuditItem = Extract<SyncItem, { kind: 'audit' }>;

function specimenDocument(): DocumentSnapshot {
  const zone = formatMrz(SPECIMEN_PASSPORT, 'TD3');
  const result = parseMrz(zone);
  if (result.format === null) throw new Error('the specimen passport does not parse');
  return {
    source: { method: 'manual' },
    lines: zone.split('\n'),
    format: result.format,
    valid: result.valid,
    fields: result.fields,
    corrections: result.corrections,
    errors: result.errors.map(({ code, field }) => ({ code, field })),
  };
}

const DOCUMENT = specimenDocument();

/** A crossing of the Utopian specimen passport; `padTo` grows its notes until the item's JSON is about that many bytes. */
export function crossingItem(seq: number, at: Date = new Date(Date.UTC(2026, 10, 28, 8, 0, seq)), padTo = 0, applianceId = APPLIANCE): CrossingItem {
  const record: CrossingRecord = {
    v: 1,
    kind: 'crossing',
    id: randomUUID(),
    seq,
    applianceId,
    crossingPoint: 'UTO-NORTH',
    lane: 1,
    direction: 'entry',
    document: DOCUMENT,
    checks: [
      { code: 'mrz', outcome: 'pass', reason: 'valid' },
      { code: 'expiry', outcome: 'pass', reason: 'valid' },
    ],
    decision: { outcome: 'admit', reasons: ['documents-in-order'] },
    officerId: 'uto-officer-7',
    recordedAt: at.toISOString(),
    monotonicMs: 1000 + seq,
    notes: '',
  };
  const base = JSON.stringify({ seq, kind: 'crossing', record }).length;
  return { seq, kind: 'crossing', record: { ...record, notes: 'n'.repeat(Math.min(500, Math.max(0, padTo - base))) } };
}

export function auditItem(seq: number, at: Date = new Date(Date.UTC(2026, 10, 28, 8, 0, seq)), applianceId = APPLIANCE): AuditItem {
  const record: AuditEvent = {
    v: 1,
    id: randomUUID(),
    chainIndex: seq,
    seq,
    at: at.toISOString(),
    action: 'scan',
    officerId: 'uto-officer-7',
    applianceId,
    details: { source: 'manual', mrzValid: true },
  };
  return { seq, kind: 'audit', record };
}

export function voidItem(seq: number, voidedId: string, at: Date = new Date(Date.UTC(2026, 10, 28, 8, 0, seq))): SyncItem {
  const record: VoidRecord = {
    v: 1,
    kind: 'void',
    id: randomUUID(),
    seq,
    applianceId: APPLIANCE,
    voidedId,
    reason: 'recorded under the wrong traveller',
    officerId: 'uto-officer-7',
    recordedAt: at.toISOString(),
  };
  return { seq, kind: 'void', record };
}

/** A mix of the three kinds, one item per seq. */
export function mixedItem(seq: number, at?: Date): SyncItem {
  if (seq % 5 === 0) return auditItem(seq, at);
  if (seq % 7 === 0) return voidItem(seq, randomUUID(), at);
  return crossingItem(seq, at);
}

/** The batch body for seqs from..to, as the relay would send it (before gzip). */
export function batchOf(items: readonly unknown[], fromSeq: number, batchId: string = randomUUID()): { batchId: string; fromSeq: number; toSeq: number; records: unknown[] } {
  return { batchId, fromSeq, toSeq: fromSeq + items.length - 1, records: [...items] };
}
