import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CentralConfigError, migrateCentral, openCentralDatabase } from '../../../sync/central/central-database.js';
import { centralMigrations } from '../../../sync/central/central-migrations.js';
import { CENTRAL_DATABASE_FILE, openCentralStore } from '../../../sync/central/central-store.js';
import { startTestCentral } from '../../rigs/central.js';
import { tempDir } from '../../rigs/temp-dir.js';
import { makeAppliance, postBatch } from './signed-client.js';
import { batchOf, crossingItem, mixedItem } from './specimen-items.js';

describe("central's database", () => {
  it('opens with the durability settings and the latest schema', () => {
    const dataDir = tempDir();
    const store = openCentralStore(dataDir);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(store.db.pragma('user_version', { simple: true })).toBe(centralMigrations.length);
    const tables = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['alarms', 'appliance_keys', 'delta_changes', 'delta_versions', 'health_reports', 'items']);
    store.close();
    // Opening again migrates nothing and loses nothing.
    const again = openCentralStore(dataDir);
    expect(again.db.pragma('user_version', { simple: true })).toBe(centralMigrations.length);
    again.close();
  });

  it('refuses a database newer than itself, and leaves a failed migration undone', () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, CENTRAL_DATABASE_FILE);
    const db = new BetterSqlite3(file);
    db.pragma('user_version = 42');
    db.close();
    expect(() => openCentralDatabase(file, centralMigrations)).toThrow(CentralConfigError);

    const fresh = new BetterSqlite3(path.join(dataDir, 'other.db'));
    const broken = [
      ...centralMigrations,
      {
        version: centralMigrations.length + 1,
        name: 'broken',
        up: (target: BetterSqlite3.Database) => {
          target.exec('CREATE TABLE half_done (x)');
          throw new Error('a migration that fails halfway');
        },
      },
    ];
    expect(() => migrateCentral(fresh, broken)).toThrow('halfway');
    expect(fresh.pragma('user_version', { simple: true })).toBe(0);
    expect(fresh.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('items', 'half_done')").pluck().get()).toBe(0);
    fresh.close();
  });

  it('refuses to store an item under a key that is not registered', () => {
    const store = openCentralStore(tempDir());
    expect(() => store.db.prepare("INSERT INTO items (key_ref, seq, kind, item, digest, received_at) VALUES (7, 1, 'crossing', '{}', '', '')").run()).toThrow(/FOREIGN KEY/);
    store.close();
  });
});

describe('central restarted', () => {
  it('keeps what it acknowledged, its key, and its place in each sequence', async () => {
    const appliance = makeAppliance();
    const first = await startTestCentral({ applianceId: appliance.applianceId, publicKeyBase64: appliance.publicKeyBase64 });
    const stream = Array.from({ length: 6 }, (_, index) => mixedItem(index + 1));
    await postBatch(first.url, appliance, batchOf(stream.slice(0, 4), 1));
    await first.close();

    const second = await startTestCentral({ dataDir: first.dataDir, port: first.port });
    expect(second.url).toBe(first.url);
    expect(second.centralPublicKeyBase64).toBe(first.centralPublicKeyBase64);
    expect(await postBatch(second.url, appliance, batchOf(stream.slice(2), 3))).toMatchObject({ status: 200, body: { ackedThroughSeq: 6 } });
    expect(await postBatch(second.url, appliance, batchOf([crossingItem(8)], 8))).toMatchObject({ status: 409, body: { error: 'gap', ackedThroughSeq: 6 } });
    expect(second.items(appliance.applianceId).map((item) => item.record)).toEqual(stream.map((item) => item.record));
  });

  it('closes while a client holds a keep-alive connection', async () => {
    const appliance = makeAppliance();
    const central = await startTestCentral({ applianceId: appliance.applianceId, publicKeyBase64: appliance.publicKeyBase64 });
    await postBatch(central.url, appliance, batchOf([crossingItem(1)], 1));
    const started = Date.now();
    await central.close();
    expect(Date.now() - started).toBeLessThan(900);
    expect(central.central.store.db.open).toBe(false);
  });
});
