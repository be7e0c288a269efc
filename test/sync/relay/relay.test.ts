import { describe, expect, it } from 'vitest';
import { startTestCentral } from '../../rigs/central.js';
import { deliveredAll, laneSyncingTo, outboxSeqs, recordCrossings, statusWhere } from '../../rigs/syncing-lane.js';

describe('the relay to central', () => {
  it('delivers every crossing and audit event exactly once, in seq order, and ends with no backlog', async () => {
    const central = await startTestCentral();
    const { appliance, guard, supervisor } = await laneSyncingTo(central);
    central.registerKey(appliance.core.config.applianceId, appliance.core.key.publicKeyBase64);
    const recorded = await recordCrossings(guard, 12);
    const done = await statusWhere(supervisor, (status) => status.state === 'idle' && status.backlog === 0 && status.deliveredThroughSeq >= (recorded.at(-1)?.seq ?? 0));
    expect(done).toMatchObject({ state: 'idle', backlog: 0, alarms: { deadLetters: 0, staleBacklog: false } });
    // The sequence grew meanwhile (the supervisor's sign-in is audited too): compare with everything the outbox holds now.
    await statusWhere(supervisor, (status) => status.backlog === 0);
    const held = central.items(appliance.core.config.applianceId);
    expect(held.map(({ seq, kind }) => ({ seq, kind }))).toEqual(outboxSeqs(appliance.dataDir));
    const crossings = held.filter((item) => item.kind === 'crossing').map((item) => item.record.id);
    expect(crossings).toEqual(recorded.map((crossing) => crossing.id));
  });

  it('stays blocked, naming the reason, while central does not know its key; nothing is lost meanwhile', async () => {
    const central = await startTestCentral();
    const { appliance, guard, supervisor } = await laneSyncingTo(central);
    const recorded = await recordCrossings(guard, 3);
    const blocked = await statusWhere(supervisor, (status) => status.state === 'blocked' && status.backlog >= 3);
    expect(blocked.reason).toMatch(/401 unknown_key/);
    expect(central.items(appliance.core.config.applianceId)).toEqual([]);
    // A technician registers the key: the backlog drains on the next attempt.
    central.registerKey(appliance.core.config.applianceId, appliance.core.key.publicKeyBase64);
    await deliveredAll(supervisor, recorded);
    expect(central.items(appliance.core.config.applianceId).filter((item) => item.kind === 'crossing')).toHaveLength(3);
  });

  it('is refused for a clock five minutes off, and says so', async () => {
    const central = await startTestCentral({ now: () => new Date(Date.now() + 6 * 60_000) });
    const { appliance, guard, supervisor } = await laneSyncingTo(central);
    central.registerKey(appliance.core.config.applianceId, appliance.core.key.publicKeyBase64);
    await recordCrossings(guard, 1);
    const blocked = await statusWhere(supervisor, (status) => status.state === 'blocked');
    expect(blocked.reason).toMatch(/clock_skew/);
    expect(central.items(appliance.core.config.applianceId)).toEqual([]);
  });

  it('shows offline with a next attempt while central is down, and drains once it is back', async () => {
    const first = await startTestCentral();
    const { port, dataDir } = first;
    const { appliance, guard, supervisor } = await laneSyncingTo(first);
    first.registerKey(appliance.core.config.applianceId, appliance.core.key.publicKeyBase64);
    await first.close();
    const recorded = await recordCrossings(guard, 4);
    const offline = await statusWhere(supervisor, (status) => status.state === 'offline');
    expect(offline.nextAttemptAt).not.toBeNull();
    const back = await startTestCentral({ dataDir, port });
    await deliveredAll(supervisor, recorded);
    expect(back.items(appliance.core.config.applianceId).filter((item) => item.kind === 'crossing').map((item) => item.record.id)).toEqual(recorded.map((r) => r.id));
  });

  it('sends everything again from where central stands when central lost what it held', async () => {
    const central = await startTestCentral();
    const { appliance, guard, supervisor } = await laneSyncingTo(central);
    const applianceId = appliance.core.config.applianceId;
    central.registerKey(applianceId, appliance.core.key.publicKeyBase64);
    await recordCrossings(guard, 3);
    await statusWhere(supervisor, (status) => status.backlog === 0 && status.deliveredThroughSeq > 3);
    const { port } = central;
    await central.close();
    // Central comes back from an empty data folder: it answers the next batch with a gap.
    const restored = await startTestCentral({ port, applianceId, publicKeyBase64: appliance.core.key.publicKeyBase64 });
    await recordCrossings(guard, 1);
    await statusWhere(supervisor, (status) => status.backlog === 0 && restored.items(applianceId).length === outboxSeqs(appliance.dataDir).length, 20_000);
    expect(restored.items(applianceId).map((item) => item.seq)).toEqual(outboxSeqs(appliance.dataDir).map((row) => row.seq));
  });
});
