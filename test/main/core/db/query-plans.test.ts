/**
 * The hot queries, the relay's and the supervisor's, must find their rows through an index: a
 * full scan of the crossings or the outbox grows with every crossing the lane ever recorded, and
 * the lane would slow down over months without any test noticing. Each statement the two stores
 * prepare is captured as it is prepared, then asked for its plan on a real, migrated database.
 */
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { EMPTY } from 'rxjs';
import { defaultConfig } from '../../../../main/common/contract/config.js';
import { AuditTrail } from '../../../../main/core/audit/audit-trail.js';
import { CaptureService } from '../../../../main/core/capture/capture-service.js';
import { VisaTable } from '../../../../main/core/reference/visa-table.js';
import { CrossingQueries } from '../../../../main/core/capture/crossing-queries.js';
import { ReferralDesk } from '../../../../main/core/second-line/referral-desk.js';
import { migrate } from '../../../../main/core/db/migrate.js';
import { migrations } from '../../../../main/core/db/migrations/index.js';
import { openDatabase } from '../../../../main/core/db/open-database.js';
import { OutboxRelayStore } from '../../../../main/core/sync/outbox-relay-store.js';
import { DocumentList } from '../../../../main/core/alerts/document-list.js';
import { tempDir } from '../../../rigs/temp-dir.js';

/** Tables that grow with every crossing; a scan of one of them is the failure this test is for. */
const LARGE_TABLES = ['crossings', 'outbox', 'audit_events', 'voids', 'resolutions', 'alert_documents'];

interface PlanRow {
  readonly detail: string;
}

function migratedDatabase(): Database {
  const db = openDatabase(path.join(tempDir(), 'sahman.db'));
  migrate(db, migrations);
  return db;
}

/** Every SQL text prepared on db while `use` runs. */
function preparedDuring(db: Database, use: () => void): string[] {
  const seen: string[] = [];
  const prepare = db.prepare.bind(db);
  const recording = ((sql: string) => {
    seen.push(sql);
    return prepare(sql);
  }) as Database['prepare'];
  db.prepare = recording;
  try {
    use();
  } finally {
    db.prepare = prepare;
  }
  return [...new Set(seen)].filter((sql) => /^\s*(SELECT|WITH)/i.test(sql));
}

function plan(db: Database, sql: string): string[] {
  const statement = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const named = [...sql.matchAll(/@(\w+)/g)].map(([, name = '']) => [name, 0] as const);
  const rows = named.length > 0 ? statement.all(Object.fromEntries(named)) : statement.all(...(sql.match(/\?/g) ?? []).map(() => 0));
  return (rows as PlanRow[]).map((row) => row.detail);
}

const SQL_WORDS = new Set(['WHERE', 'LEFT', 'JOIN', 'ON', 'ORDER', 'GROUP', 'LIMIT', 'INNER', 'CROSS', 'USING', 'AS']);

/** Plans name a table by its alias when it has one: the large tables and every alias they go by. */
function largeTableNames(sql: string): Set<string> {
  const names = new Set(LARGE_TABLES);
  for (const match of sql.matchAll(/\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?/gi)) {
    const [, table = '', alias] = match;
    if (LARGE_TABLES.includes(table) && alias !== undefined && !SQL_WORDS.has(alias.toUpperCase())) names.add(alias);
  }
  return names;
}

/** A step of a plan that reads a large table from end to end rather than through a key. */
function fullScans(sql: string, steps: readonly string[]): string[] {
  const names = largeTableNames(sql);
  return steps.filter((step) => {
    const scanned = /^SCAN (\w+)/.exec(step)?.[1];
    return scanned !== undefined && names.has(scanned);
  });
}

describe('query plans of the hot queries', () => {
  it('the relay reads pending items, the backlog and the dead-letter count through keys', () => {
    const db = migratedDatabase();
    const statements = preparedDuring(db, () => {
      const store = new OutboxRelayStore(db);
      store.readPending(0, 100, 1_000_000);
      store.backlog();
      store.deadLetterCount();
      store.deliveredThrough();
    });
    expect(statements.length).toBeGreaterThanOrEqual(3);
    const hot = statements.filter((sql) => !sql.includes('BETWEEN'));
    for (const sql of hot) expect(fullScans(sql, plan(db, sql)), sql).toEqual([]);
    db.close();
  });

  it("the supervisor's lane activity and referral queue use the crossings' indexes", () => {
    const db = migratedDatabase();
    const audit = new AuditTrail(db, 'uto-plan-lane');
    const statements = preparedDuring(db, () => {
      new CrossingQueries(db).laneActivity(12, new Date());
      new CrossingQueries(db).recent(24, 50, new Date());
      new ReferralDesk(db, audit, 'uto-plan-lane', 20).queue(50, new Date());
    });
    expect(statements.length).toBeGreaterThanOrEqual(2);
    for (const sql of statements) expect(fullScans(sql, plan(db, sql)), sql).toEqual([]);
    db.close();
  });

  it("every assessment's previous crossing and last entry find the document through its index", () => {
    const db = migratedDatabase();
    const statements = preparedDuring(db, () => {
      const capture = new CaptureService({
        db,
        audit: new AuditTrail(db, 'uto-plan-lane'),
        config: defaultConfig('uto-plan-lane'),
        visaRules: new VisaTable().reader,
        scans$: EMPTY,
        log: pino({ level: 'silent' }),
      });
      capture.close();
    });
    const byDocument = statements.filter((sql) => sql.includes('document_key = ?'));
    expect(byDocument).toHaveLength(2);
    for (const sql of byDocument) expect(fullScans(sql, plan(db, sql)), sql).toEqual([]);
    db.close();
  });

  it('a document check is one probe of the listed documents, never a scan of a hundred million rows', () => {
    const db = migratedDatabase();
    const statements = preparedDuring(db, () => {
      new DocumentList(db).check('UTO', 'P', 'L898902C3');
    });
    const lookups = statements.filter((sql) => sql.includes('alert_documents'));
    expect(lookups).toHaveLength(1);
    for (const sql of lookups) expect(fullScans(sql, plan(db, sql)), sql).toEqual([]);
    db.close();
  });

  it('would catch a full scan: a query on an unindexed column is reported', () => {
    const db = migratedDatabase();
    const unindexed = 'SELECT id FROM crossings c WHERE lane = ?';
    expect(fullScans(unindexed, plan(db, unindexed))).toEqual([expect.stringMatching(/^SCAN c\b/)]);
    // Walking a whole index is a scan too.
    const wholeIndex = 'SELECT count(*) FROM outbox o';
    expect(fullScans(wholeIndex, plan(db, wholeIndex))).toHaveLength(1);
    db.close();
  });
});
