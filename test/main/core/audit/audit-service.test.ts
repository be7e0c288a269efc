import path from 'node:path';
import { lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../../main/common/contract/audit.js';
import type { RpcClient } from '../../../../main/common/rpc/client.js';
import { openDatabase } from '../../../../main/core/db/open-database.js';
import { DATABASE_FILE_NAME } from '../../../../main/core/store/open-store.js';
import { editAuditBody } from '../../../rigs/audit-rows.js';
import { startTestCentral } from '../../../rigs/central.js';
import { laneSyncingTo, recordCrossings } from '../../../rigs/syncing-lane.js';

async function allEvents(client: RpcClient, query: { officerId?: string; action?: string; limit?: number; until?: string } = {}): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  let before: number | undefined;
  for (;;) {
    const page = await client.call('audit.events', { ...query, ...(before === undefined ? {} : { before }) });
    for (const event of page.events) if (!('unreadable' in event)) events.push(event);
    if (page.next === null) return events;
    before = page.next;
  }
}

describe("the supervisor's audit viewer in the core", () => {
  it('pages the trail newest first by officer, action and period; exports a period, audited under the officer; and names the first broken link once a row is edited in SQLite', async () => {
    const central = await startTestCentral();
    const { appliance, guard, supervisor } = await laneSyncingTo(central);
    const before = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const recorded = await recordCrossings(guard, 3);

    const everything = await allEvents(supervisor, { limit: 2 });
    expect(everything.map((event) => event.chainIndex)).toEqual([...everything.map((event) => event.chainIndex)].sort((a, b) => b - a));
    expect(new Set(everything.map((event) => event.chainIndex)).size).toBe(everything.length);
    const decisions = await allEvents(supervisor, { officerId: 'uto-guard-1', action: 'decision' });
    expect(decisions.map((event) => event.details.recordId)).toEqual(recorded.map((crossing) => crossing.id).reverse());
    // Before the first crossing there were only the sign-ins.
    const earlier = await allEvents(supervisor, { until: before });
    expect(earlier.length).toBeGreaterThan(0);
    expect(earlier.every((event) => event.action === 'login' || event.action === 'config-change')).toBe(true);

    const events = await lastValueFrom(supervisor.stream('export.records', { since: before, until: new Date(Date.now() + 1000).toISOString(), format: 'jsonl' }).pipe(toArray()));
    const text = events.map((event) => (event.kind === 'chunk' ? event.text : '')).join('');
    expect(text.trim().split('\n').map((line) => (JSON.parse(line) as { id: string }).id)).toEqual(recorded.map((crossing) => crossing.id));
    expect(events.at(-1)).toEqual({ kind: 'done', records: 3 });
    const [exported] = await allEvents(supervisor, { action: 'export' });
    expect(exported).toMatchObject({ officerId: 'uto-super-1', details: { format: 'jsonl', records: 3 } });
    await expect(guard.call('audit.events', {})).rejects.toMatchObject({ code: 'forbidden' });
    await expect(lastValueFrom(supervisor.stream('export.records', { since: before, until: '2020-01-01T00:00:00.000Z', format: 'csv' }))).rejects.toMatchObject({ code: 'invalid_params' });

    const intact = await supervisor.call('audit.verify', {});
    expect(intact).toMatchObject({ intact: true, firstBreak: null });
    expect(intact.events).toBeGreaterThanOrEqual(everything.length);

    const target = decisions[1];
    if (target === undefined) throw new Error('no decision to tamper with');
    const db = openDatabase(path.join(appliance.dataDir, DATABASE_FILE_NAME));
    editAuditBody(db, target.chainIndex, (body) => body.replace('"decision"', '"decisioN"'));
    db.close();
    expect(await supervisor.call('audit.verify', {})).toMatchObject({ intact: false, firstBreak: { chainIndex: target.chainIndex, code: 'edited', problem: expect.stringContaining('edited') } });
  });
});
