import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AuditEvent } from '../../../../main/common/contract/audit.js';
import { AuditTrail } from '../../../../main/core/audit/audit-trail.js';
import { chainHash } from '../../../../main/core/audit/chain-hash.js';
import { verifyAuditTrail } from '../../../../main/core/audit/verify-audit-trail.js';
import { migrate } from '../../../../main/core/db/migrate.js';
import { migrations } from '../../../../main/core/db/migrations/index.js';
import { openDatabase } from '../../../../main/core/db/open-database.js';
import { loadOrCreateApplianceKey, type ApplianceKey } from '../../../../main/core/keys/appliance-key.js';
import { encodeAuditBody } from '../../../../main/core/store/body-codec.js';
import { auditBody, editAuditBody } from '../../../rigs/audit-rows.js';
import { tempDir } from '../../../rigs/temp-dir.js';

const APPLIANCE = 'uto-audit-test';

interface Fixture {
  readonly db: Database;
  readonly key: ApplianceKey;
  readonly trail: AuditTrail;
  readonly verify: () => ReturnType<typeof verifyAuditTrail>;
}

/** A real database file with `events` officer actions, checkpointed every `every` events and at the end. */
function trailWith(events: number, every = 5): Fixture {
  const dataDir = tempDir();
  const db = openDatabase(path.join(dataDir, 'sahman.db'));
  migrate(db, migrations);
  const key = loadOrCreateApplianceKey(dataDir);
  const trail = new AuditTrail(db, APPLIANCE);
  const start = Date.UTC(2026, 10, 28, 8, 0, 0);
  for (let i = 1; i <= events; i++) {
    db.transaction(() => {
      trail.append({ action: i % 2 === 0 ? 'decision' : 'scan', officerId: 'uto-officer-7', at: new Date(start + i * 1000), details: { recordId: `rec-${String(i)}` } });
    }).immediate();
    if (i % every === 0) trail.checkpoint(key, new Date(start + i * 1000 + 1));
  }
  trail.checkpoint(key, new Date(start + events * 1000 + 2));
  return { db, key, trail, verify: () => verifyAuditTrail(db, APPLIANCE, key.publicKeyBase64) };
}

describe('the audit trail', () => {
  it('verifies when nobody touched it, event by event in canonical form', () => {
    const { db, verify } = trailWith(12);
    expect(verify()).toEqual({ intact: true, events: 12, checkpoints: 3 });
    const first = db.prepare('SELECT prev_hash, hash FROM audit_events WHERE chain_index = 1').get() as { prev_hash: Buffer; hash: Buffer };
    const body = auditBody(db, 1);
    expect(first.prev_hash.toString('hex')).toBe('0'.repeat(64));
    expect(first.hash.toString('hex')).toBe(chainHash('0'.repeat(64), body));
    expect(AuditEvent.parse(JSON.parse(body))).toMatchObject({ chainIndex: 1, action: 'scan', applianceId: APPLIANCE });
  });

  it('refuses to append outside the write transaction of the action it records', () => {
    const { trail } = trailWith(0);
    expect(() => trail.append({ action: 'login', officerId: 'uto-officer-7', at: new Date() })).toThrow(/inside the write transaction/);
  });

  it('gives every event its own outbox seq, in chain order', () => {
    const { db } = trailWith(4);
    const rows = db.prepare('SELECT a.chain_index, o.seq, o.kind FROM audit_events a JOIN outbox o ON o.seq = a.seq ORDER BY a.chain_index').all();
    expect(rows).toEqual([1, 2, 3, 4].map((index) => ({ chain_index: index, seq: index, kind: 'audit' })));
  });

  it('catches an edited row, naming it', () => {
    const { db, verify } = trailWith(12);
    editAuditBody(db, 6, (text) => text.replace('rec-6', 'rec-X'));
    expect(verify()).toMatchObject({ intact: false, firstBreak: { chainIndex: 6, code: 'edited', problem: expect.stringMatching(/edited/) } });
  });

  it('names an event whose stored bytes no longer decompress', () => {
    const { db, verify } = trailWith(12);
    db.prepare("UPDATE audit_events SET body = x'02ffffff' WHERE chain_index = 7").run();
    expect(verify()).toMatchObject({ intact: false, firstBreak: { chainIndex: 7, code: 'unreadable-event', problem: expect.stringMatching(/cannot be read/) } });
  });

  it('catches a deleted row', () => {
    const { db, verify } = trailWith(12);
    db.prepare('DELETE FROM audit_events WHERE chain_index = 4').run();
    expect(verify()).toMatchObject({ intact: false, firstBreak: { chainIndex: 4, code: 'missing-event', problem: expect.stringMatching(/missing/) } });
  });

  it('catches reordered rows', () => {
    const { db, verify } = trailWith(12);
    db.transaction(() => {
      db.prepare('UPDATE audit_events SET chain_index = 1000 WHERE chain_index = 3').run();
      db.prepare('UPDATE audit_events SET chain_index = 3 WHERE chain_index = 8').run();
      db.prepare('UPDATE audit_events SET chain_index = 8 WHERE chain_index = 1000').run();
    })();
    expect(verify()).toMatchObject({ intact: false, firstBreak: { chainIndex: 3 } });
  });

  it('catches a cut-off tail that a checkpoint covered', () => {
    const { db, verify } = trailWith(12);
    db.prepare('DELETE FROM audit_events WHERE chain_index > 9').run();
    expect(verify()).toMatchObject({ intact: false, firstBreak: { chainIndex: 10, code: 'truncated', problem: expect.stringMatching(/cut off/) } });
  });

  it('catches a cut-off tail after the last checkpoint, through the outbox seqs', () => {
    const { db, trail, verify } = trailWith(10);
    db.transaction(() => {
      trail.append({ action: 'logout', officerId: 'uto-officer-7', at: new Date() });
    }).immediate();
    db.prepare('DELETE FROM audit_events WHERE chain_index = 11').run();
    expect(verify()).toMatchObject({ intact: false, firstBreak: { problem: expect.stringMatching(/audit seq 11 whose event is gone/) } });
  });

  it('catches an edit re-hashed through to the end of the chain', () => {
    const { db, verify } = trailWith(12);
    const indexes = db.prepare('SELECT chain_index FROM audit_events WHERE chain_index >= 2 ORDER BY chain_index').pluck().all() as number[];
    const update = db.prepare('UPDATE audit_events SET body = ?, prev_hash = ?, hash = ? WHERE chain_index = ?');
    let previous = (db.prepare('SELECT prev_hash FROM audit_events WHERE chain_index = 2').pluck().get() as Buffer).toString('hex');
    for (const chainIndex of indexes) {
      const original = auditBody(db, chainIndex);
      const body = chainIndex === 2 ? original.replace('rec-2', 'rec-Z') : original;
      const hash = chainHash(previous, body);
      update.run(encodeAuditBody(body), Buffer.from(previous, 'hex'), Buffer.from(hash, 'hex'), chainIndex);
      previous = hash;
    }
    expect(verify()).toMatchObject({ intact: false, firstBreak: { chainIndex: 5, problem: expect.stringMatching(/re-hashed/) } });
  });

  it('catches a forged checkpoint', () => {
    const { db, verify } = trailWith(6, 100);
    db.prepare("UPDATE audit_checkpoints SET signature = 'AAAA' || substr(signature, 5)").run();
    expect(verify()).toMatchObject({ intact: false, firstBreak: { problem: expect.stringMatching(/signature that does not verify/) } });
  });
});
