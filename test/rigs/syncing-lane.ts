import path from 'node:path';
import { filter, firstValueFrom, timeout } from 'rxjs';
import type { ApplianceConfig } from '../../main/common/contract/config.js';
import type { SyncStatus } from '../../main/common/contract/sync-status.js';
import type { RpcClient } from '../../main/common/rpc/client.js';
import type { CoreOptions } from '../../main/core/app/core.js';
import { openDatabase } from '../../main/core/db/open-database.js';
import { DATABASE_FILE_NAME } from '../../main/core/store/open-store.js';
import { startInProcessAppliance } from './in-process-appliance.js';
import { addOfficers } from './officers.js';
import { SPECIMEN_PASSPORT } from './specimens.js';
import { connectClient } from './ws-rpc.js';

/**
 * A lane whose relay sends to the given central, with a guard and a supervisor
 * signed in over the real WebSocket RPC: what the sync tests drive.
 */
/** Quick retries, so that a test sees a blocked relay recover in moments rather than half a minute. */
export const FAST = { pollMs: 200, blockedRetryMs: 150, backoff: { initialMs: 20, maxMs: 200 }, downlinkIntervalMs: 200, reconcileIntervalMs: 300, healthIntervalMs: 200 };

export async function laneSyncingTo(
  central: { url: string },
  settings: Partial<ApplianceConfig['central']> = {},
  coreOptions: Pick<CoreOptions, 'listFreshness'> = {},
  /** The rest of the lane's config.json, beside its central settings. */
  config: Omit<Partial<ApplianceConfig>, 'central'> = {},
) {
  const appliance = await startInProcessAppliance({ ...config, central: { url: central.url, deliveryDeadlineMinutes: 15, ...settings } }, { sync: FAST, ...coreOptions });
  await addOfficers(appliance.dataDir, [
    { id: 'uto-guard-1', pin: '271828', roles: ['guard'] },
    { id: 'uto-super-1', pin: '314159', roles: ['supervisor'] },
  ]);
  const { client: guard } = await connectClient(appliance.host.port, appliance.host.token);
  await guard.call('auth.login', { officerId: 'uto-guard-1', pin: '271828' });
  const { client: supervisor } = await connectClient(appliance.host.port, appliance.host.token);
  await supervisor.call('auth.login', { officerId: 'uto-super-1', pin: '314159' });
  return { appliance, guard, supervisor };
}

export async function recordCrossings(guard: RpcClient, count: number): Promise<{ id: string; seq: number }[]> {
  const recorded: { id: string; seq: number }[] = [];
  for (let i = 0; i < count; i++) {
    const assessment = await guard.call('capture.manualEntry', { format: 'TD3', fields: { ...SPECIMEN_PASSPORT, documentNumber: `U${String(i).padStart(8, '0')}` } });
    recorded.push(await guard.call('capture.record', { assessmentId: assessment.id, direction: 'entry', decision: { outcome: 'admit', reasons: ['documents-in-order'] } }));
  }
  return recorded;
}

export function statusWhere(client: RpcClient, predicate: (status: SyncStatus) => boolean, ms = 15_000): Promise<SyncStatus> {
  return firstValueFrom(client.stream('sync.status', {}).pipe(filter(predicate), timeout(ms)));
}

/** Waits until central holds everything these records made (their audit events come first, so the last seq covers them all). */
export function deliveredAll(client: RpcClient, recorded: readonly { seq: number }[]): Promise<SyncStatus> {
  const last = recorded.at(-1)?.seq ?? 0;
  return statusWhere(client, (status) => status.backlog === 0 && status.deliveredThroughSeq >= last);
}

export function outboxSeqs(dataDir: string): { seq: number; kind: string }[] {
  const db = openDatabase(path.join(dataDir, DATABASE_FILE_NAME), { readonly: true });
  const rows = db.prepare('SELECT seq, kind FROM outbox ORDER BY seq').all() as { seq: number; kind: string }[];
  db.close();
  return rows;
}

