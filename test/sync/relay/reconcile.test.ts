import { describe, expect, it } from 'vitest';
import { startTestCentral } from '../../rigs/central.js';
import { deliveredAll, laneSyncingTo, recordCrossings, statusWhere } from '../../rigs/syncing-lane.js';

describe('reconciliation with central', () => {
  it('agrees after delivery, and raises the alarm when central no longer holds what it acknowledged', async () => {
    const central = await startTestCentral();
    const { appliance, guard, supervisor } = await laneSyncingTo(central);
    const applianceId = appliance.core.config.applianceId;
    central.registerKey(applianceId, appliance.core.key.publicKeyBase64);
    const recorded = await recordCrossings(guard, 3);
    await deliveredAll(supervisor, recorded);
    // Several reconciliation rounds pass without an alarm.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await statusWhere(supervisor, (s) => s.backlog === 0);
    expect((await statusWhere(supervisor, () => true)).alarms.reconcileMismatch).toBeNull();

    // Central comes back from an empty data folder and nothing new is sent: only the comparison can notice.
    const { port } = central;
    await central.close();
    await startTestCentral({ port, applianceId, publicKeyBase64: appliance.core.key.publicKeyBase64 });
    const alarmed = await statusWhere(supervisor, (s) => s.alarms.reconcileMismatch !== null);
    expect(alarmed.alarms.reconcileMismatch).toMatch(/\d+ here, 0 at central/);
  });
});
