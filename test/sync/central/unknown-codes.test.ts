import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../main/common/json/canonical-json.js';
import { dayDigest, itemDigest } from '../../../sync/protocol/digests.js';
import { ReconcileDay, paths, type SyncItem } from '../../../sync/protocol/wire.js';
import { startTestCentral } from '../../rigs/central.js';
import { getSigned, makeAppliance, postBatch } from './signed-client.js';
import { auditItem, batchOf, crossingItem, type AuditItem, type CrossingItem } from './specimen-items.js';

/** A crossing as a later release writes it: a check, a decision reason and an MRZ error no release so far has had. */
function crossingFromANewerRelease(seq: number): CrossingItem {
  const item = crossingItem(seq);
  return {
    ...item,
    record: {
      ...item.record,
      document: { ...item.record.document, errors: [{ code: 'biometric-page-mismatch', field: 'documentNumber' }] },
      checks: [...item.record.checks, { code: 'face-match', outcome: 'pass', reason: 'matched' }],
      decision: { outcome: 'admit', reasons: ['documents-in-order', 'humanitarian-grounds'] },
    },
  };
}

function auditFromANewerRelease(seq: number): AuditItem {
  const item = auditItem(seq);
  return { ...item, record: { ...item.record, action: 'shift-handover' } };
}

async function centralWithAppliance() {
  const appliance = makeAppliance();
  const central = await startTestCentral({ applianceId: appliance.applianceId, publicKeyBase64: appliance.publicKeyBase64 });
  return { appliance, central };
}

describe('central and codes it has never seen', () => {
  it('keeps a crossing with a new check, decision reason and MRZ error, and an audit event with a new action, byte for byte as sent', async () => {
    const { appliance, central } = await centralWithAppliance();
    const sent: SyncItem[] = [crossingItem(1), crossingFromANewerRelease(2), auditFromANewerRelease(3)];
    expect(await postBatch(central.url, appliance, batchOf(sent, 1))).toMatchObject({ status: 200, body: { ackedThroughSeq: 3, rejected: [] } });

    expect(central.rejected(appliance.applianceId)).toEqual([]);
    const held = [...central.central.store.items.held({ applianceId: appliance.applianceId })];
    // What central holds is the canonical text the appliance digested: the new codes are in it, nothing dropped or rewritten.
    expect(held.map((item) => item.item)).toEqual(sent.map((item) => canonicalJson(item)));
    const kept = central.items(appliance.applianceId);
    expect(kept[1]?.record).toMatchObject({
      checks: [{ code: 'mrz' }, { code: 'expiry' }, { code: 'face-match', outcome: 'pass', reason: 'matched' }],
      decision: { reasons: ['documents-in-order', 'humanitarian-grounds'] },
      document: { errors: [{ code: 'biometric-page-mismatch', field: 'documentNumber' }] },
    });
    expect(kept[2]?.record).toMatchObject({ action: 'shift-handover' });

    // Reconciliation agrees with what the appliance would compute from what it sent.
    const day = ReconcileDay.parse((await getSigned(central.url, appliance, `${paths.reconcile(appliance.applianceId)}?day=2026-11-28`)).body);
    expect(day).toEqual({ day: '2026-11-28', count: 3, digest: dayDigest(sent.map(itemDigest)) });
    // Sent again (a lost acknowledgement), the same bytes are recognised as the same items.
    expect(await postBatch(central.url, appliance, batchOf(sent, 1))).toMatchObject({ status: 200, body: { ackedThroughSeq: 3, rejected: [] } });
    expect(central.alarms()).toEqual([]);
  });

  it('still rejects, one item at a time, a code that is not a code and a value outside a closed list', async () => {
    const { appliance, central } = await centralWithAppliance();
    const open = crossingFromANewerRelease(1);
    const malformed = (seq: number, check: { code: string }): CrossingItem => {
      const item = crossingItem(seq);
      return { ...item, record: { ...item.record, checks: [{ code: check.code, outcome: 'pass', reason: 'valid' }] } };
    };
    const unrankedOutcome = crossingItem(5);
    const sent = [
      open,
      malformed(2, { code: 'Face_Match' }),
      malformed(3, { code: 'a-'.repeat(30) + 'z' }),
      malformed(4, { code: 'a free-text note about the traveller' }),
      { ...unrankedOutcome, record: { ...unrankedOutcome.record, decision: { outcome: 'deport', reasons: ['other'] } } },
      crossingItem(6),
    ];
    const answer = await postBatch(central.url, appliance, batchOf(sent, 1));
    expect(answer).toMatchObject({ status: 200, body: { ackedThroughSeq: 6 } });
    const rejected = central.rejected(appliance.applianceId);
    expect(rejected.map((item) => item.seq)).toEqual([2, 3, 4, 5]);
    expect(rejected[0]?.reason).toMatch(/record\.checks\.0\.code: a lowercase kebab-case code/);
    expect(rejected[1]?.reason).toMatch(/record\.checks\.0\.code/);
    expect(rejected[3]?.reason).toMatch(/record\.decision\.outcome/);
    expect(central.items(appliance.applianceId).map((item) => item.seq)).toEqual([1, 6]);
  });
});
