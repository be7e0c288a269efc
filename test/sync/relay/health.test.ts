import { describe, expect, it } from 'vitest';
import { startTestCentral } from '../../rigs/central.js';
import { deliveredAll, laneSyncingTo, recordCrossings } from '../../rigs/syncing-lane.js';

describe('device health', () => {
  it('reaches central on its own channel, with the backlog and each reader, and never as a synced item', async () => {
    const central = await startTestCentral();
    const { appliance, guard, supervisor } = await laneSyncingTo(central);
    const applianceId = appliance.core.config.applianceId;
    central.registerKey(applianceId, appliance.core.key.publicKeyBase64);
    const recorded = await recordCrossings(guard, 1);
    await deliveredAll(supervisor, recorded);
    await expect.poll(() => central.central.store.health.latest(applianceId)?.report, { timeout: 10_000 }).toMatchObject({ backlog: expect.any(Number), readers: [] });
    // Only records, voids and audit events travel in the record stream.
    expect(new Set(central.items(applianceId).map((item) => item.kind))).toEqual(new Set(['crossing', 'audit']));
  });
});
