import { pino } from 'pino';
import { lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it, onTestFinished } from 'vitest';
import { AuditTrail } from '../../../../main/core/audit/audit-trail.js';
import { exportStream } from '../../../../main/core/capture/export-stream.js';
import { openStore } from '../../../../main/core/store/open-store.js';
import { fillCrossings } from '../../../bench/crossing-population.js';
import { auditEvents } from '../../../rigs/audit-rows.js';
import { tempDir } from '../../../rigs/temp-dir.js';

const RECORDS = 1200;

async function filledStore() {
  const dataDir = tempDir();
  const endMs = Date.now();
  await fillCrossings(dataDir, { records: RECORDS, days: 1, lanes: 2, endMs });
  const store = await openStore({ dataDir, log: pino({ level: 'silent' }), integrityBudgetMs: 60_000 });
  onTestFinished(() => store.close());
  return { db: store.db, audit: new AuditTrail(store.db, 'uto-bench'), range: { since: new Date(endMs - 2 * 86_400_000).toISOString(), until: new Date(endMs + 1000).toISOString() } };
}

describe("the screen's export", () => {
  it('sends a period a page of records per turn, so that other work on the core runs in between, and audits it once at its end', async () => {
    const { db, audit, range } = await filledStore();
    let otherTurns = 0;
    const other = setInterval(() => (otherTurns += 1), 0);
    const events = await lastValueFrom(
      exportStream(db, audit, { ...range, format: 'jsonl' }, 'uto-super-1').pipe(toArray()),
    ).finally(() => {
      clearInterval(other);
    });
    const lines = events.flatMap((event) => (event.kind === 'chunk' ? event.text.trim().split('\n') : []));
    expect(lines).toHaveLength(RECORDS);
    const seqs = lines.map((line) => (JSON.parse(line) as { seq: number }).seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(events.at(-1)).toEqual({ kind: 'done', records: RECORDS });
    // 1,200 records at 100 a turn: the timer ran in between, not only after.
    expect(otherTurns).toBeGreaterThanOrEqual(5);
    const exports = auditEvents(db).filter((event) => event.action === 'export');
    expect(exports).toEqual([expect.objectContaining({ officerId: 'uto-super-1', details: expect.objectContaining({ records: RECORDS, format: 'jsonl' }) as unknown })]);
  });

  it('audits an export the screen left before its end as not completed, with what it had sent', async () => {
    const { db, audit, range } = await filledStore();
    let chunks = 0;
    await new Promise<void>((resolve) => {
      const subscription = exportStream(db, audit, { ...range, format: 'jsonl' }, 'uto-super-2').subscribe((event) => {
        if (event.kind !== 'chunk') return;
        chunks += 1;
        subscription.unsubscribe();
        resolve();
      });
    });
    expect(chunks).toBe(1);
    const [exported] = auditEvents(db).filter((event) => event.action === 'export');
    expect(exported).toMatchObject({ officerId: 'uto-super-2', details: { format: 'jsonl', completed: false } });
    expect(exported?.details.records).toBeLessThan(RECORDS);
    expect(exported?.details.records).toBeGreaterThan(0);
  });
});
