import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/core/db/open-database.js';
import { DATABASE_FILE_NAME } from '../../../main/core/store/open-store.js';
import { startTestCentral } from '../../rigs/central.js';
import { laneSyncingTo, recordCrossings, statusWhere } from '../../rigs/syncing-lane.js';

describe('an item central rejects', () => {
  it('goes to the dead letters with its reason, never blocks the queue, and can be sent again after a fix', async () => {
    const central = await startTestCentral();
    const { appliance, guard, supervisor } = await laneSyncingTo(central);
    const applianceId = appliance.core.config.applianceId;
    // The next crossing is damaged in the very transaction that writes it, so the relay can never
    // read it intact first (it resends a failed batch's exact bytes): it cannot be read back as a
    // valid record. Its good body is kept aside, to mend it later.
    const db = openDatabase(path.join(appliance.dataDir, DATABASE_FILE_NAME));
    db.exec(`
      CREATE TABLE test_kept_body (seq INTEGER PRIMARY KEY, body BLOB NOT NULL);
      CREATE TRIGGER test_damage_next AFTER INSERT ON crossings WHEN NOT EXISTS (SELECT 1 FROM test_kept_body) BEGIN
        INSERT INTO test_kept_body (seq, body) VALUES (NEW.seq, NEW.body);
        UPDATE crossings SET body = x'01ff' WHERE seq = NEW.seq;
      END;`);
    const [damaged] = await recordCrossings(guard, 1);
    if (damaged === undefined) throw new Error('nothing recorded');
    db.exec('DROP TRIGGER test_damage_next');
    const original = db.prepare('SELECT body FROM test_kept_body WHERE seq = ?').pluck().get(damaged.seq) as Buffer;
    central.registerKey(applianceId, appliance.core.key.publicKeyBase64);
    const later = await recordCrossings(guard, 2);

    // The queue moved past it: everything after it is delivered.
    const status = await statusWhere(supervisor, (s) => s.backlog === 0 && s.alarms.deadLetters === 1 && s.deliveredThroughSeq >= (later.at(-1)?.seq ?? 0));
    expect(status.alarms.deadLetters).toBe(1);
    const [letter] = await supervisor.call('sync.deadLetters', {});
    expect(letter).toMatchObject({ seq: damaged.seq, kind: 'crossing', requeuedAs: null, reason: expect.stringMatching(/record/) });
    expect(central.rejected(applianceId).map((item) => item.seq)).toEqual([damaged.seq]);
    expect(central.items(applianceId).filter((item) => item.kind === 'crossing').map((item) => item.record.id)).toEqual(later.map((c) => c.id));

    // A guard may not requeue; a supervisor may, once the cause is fixed.
    await expect(guard.call('sync.requeue', { seq: damaged.seq })).rejects.toMatchObject({ code: 'forbidden' });
    db.prepare('UPDATE crossings SET body = ? WHERE seq = ?').run(original, damaged.seq);
    db.close();
    const requeued = await supervisor.call('sync.requeue', { seq: damaged.seq });
    expect(requeued.supersedes).toBe(damaged.seq);
    await statusWhere(supervisor, (s) => s.backlog === 0 && s.alarms.deadLetters === 0 && s.deliveredThroughSeq >= requeued.seq);
    const resent = central.items(applianceId).find((item) => item.seq === requeued.seq);
    expect(resent).toMatchObject({ kind: 'crossing', record: { id: damaged.id, seq: damaged.seq } });
    await expect(supervisor.call('sync.requeue', { seq: damaged.seq })).rejects.toMatchObject({ code: 'invalid_params' });
  });
});
