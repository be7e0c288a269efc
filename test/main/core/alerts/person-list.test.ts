/**
 * The listed persons as an operator loads them: the durable copy in the
 * appliance's SQLite file survives a restart, a damaged row is counted and
 * never matched, and a refused delta leaves the matcher as it was.
 */
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { PersonList } from '../../../../main/core/alerts/person-list.js';
import { migrate } from '../../../../main/core/db/migrate.js';
import { migrations } from '../../../../main/core/db/migrations/index.js';
import { openDatabase } from '../../../../main/core/db/open-database.js';
import { listed, traveller } from '../../../rigs/persons.js';
import { tempDir } from '../../../rigs/temp-dir.js';

const PETRENKO = listed({ id: 'uto-0001', surname: 'Петренко', givenNames: 'Роман', birthDate: '1981-04-12', nationality: 'UTO' });
const ERIKSSON = listed({ id: 'uto-0002', surname: 'ERIKSSON', givenNames: 'ANNA MARIA', birthDate: '1974-08-12', category: 'red-notice', action: 'arrest' });
const AT_PETRENKO = traveller({ surname: 'PETRENKO', givenNames: 'ROMAN', birthDate: '810412', nationality: 'UTO' });
const AT_ERIKSSON = traveller({ surname: 'ERIKSSON', givenNames: 'ANNA MARIA', birthDate: '740812' });

/** The appliance's database in a fresh folder, migrated; reopen() opens the same file again, as a restart does. */
function store(): { readonly db: Database; readonly reopen: () => Database } {
  const file = path.join(tempDir(), 'sahman.db');
  const open = (): Database => {
    const db = openDatabase(file);
    migrate(db, migrations);
    return db;
  };
  const db = open();
  return {
    db,
    reopen: () => {
      db.close();
      return open();
    },
  };
}

describe('the listed persons', () => {
  it('keeps its rows across a restart and matches them again', () => {
    const { db, reopen } = store();
    const list = new PersonList(db);
    expect(list.load).toEqual({ loaded: 0, damaged: 0 });
    list.replace([PETRENKO, ERIKSSON]);
    expect(list.count()).toBe(2);

    const again = new PersonList(reopen());
    expect(again.load).toEqual({ loaded: 2, damaged: 0 });
    expect(again.check(AT_PETRENKO).map((hit) => hit.entry)).toEqual([PETRENKO]);
    expect(again.check(AT_ERIKSSON).map((hit) => hit.entry)).toEqual([ERIKSSON]);
  });

  it('replaces an entry given again, forgets a removed one, and keeps that across a restart', () => {
    const { db, reopen } = store();
    const list = new PersonList(db);
    list.replace([PETRENKO, ERIKSSON]);
    list.replace([{ ...PETRENKO, action: 'arrest' }], [ERIKSSON.id]);
    expect(list.check(AT_ERIKSSON)).toEqual([]);
    expect(list.check(AT_PETRENKO)[0]?.entry.action).toBe('arrest');

    const again = new PersonList(reopen());
    expect(again.load).toEqual({ loaded: 1, damaged: 0 });
    expect(again.check(AT_ERIKSSON)).toEqual([]);
    expect(again.check(AT_PETRENKO)[0]?.entry.action).toBe('arrest');
  });

  it('counts damaged rows at load and never matches them', () => {
    const { db, reopen } = store();
    new PersonList(db).replace([PETRENKO]);
    const insert = db.prepare('INSERT INTO alert_persons (id, entry) VALUES (?, ?)');
    insert.run('garbage', '{"id": "garbage", "surname": "ERIKSSON", ');
    // Well-formed JSON that is no entry (no category): it names a listed person's name, and must still not match.
    insert.run('no-category', JSON.stringify({ id: 'no-category', surname: 'ERIKSSON', givenNames: 'ANNA MARIA', birthDate: '1974-08-12', action: 'arrest' }));
    insert.run('not-an-object', '"ERIKSSON"');

    const again = new PersonList(reopen());
    expect(again.load).toEqual({ loaded: 1, damaged: 3 });
    expect(again.count()).toBe(1);
    expect(again.check(AT_ERIKSSON)).toEqual([]);
    expect(again.check(AT_PETRENKO).map((hit) => hit.entry.id)).toEqual([PETRENKO.id]);
  });

  it('leaves the rows and the matcher as they were when the delta’s transaction is rolled back', () => {
    const { db, reopen } = store();
    const list = new PersonList(db);
    list.replace([PETRENKO]);
    const refused = db.transaction(() => {
      list.change([ERIKSSON], [PETRENKO.id]);
      throw new Error('the delta’s signature does not verify');
    });
    expect(refused).toThrow('signature');
    expect(list.check(AT_PETRENKO).map((hit) => hit.entry.id)).toEqual([PETRENKO.id]);
    expect(list.check(AT_ERIKSSON)).toEqual([]);
    expect(new PersonList(reopen()).load).toEqual({ loaded: 1, damaged: 0 });
  });

  it('reaches the matcher with a committed delta only once it is applied', () => {
    const { db } = store();
    const list = new PersonList(db);
    list.replace([PETRENKO]);
    db.transaction(() => {
      list.change([ERIKSSON], [PETRENKO.id]);
    })();
    expect(list.check(AT_ERIKSSON)).toEqual([]);
    expect(list.check(AT_PETRENKO)).toHaveLength(1);
    list.apply([ERIKSSON], [PETRENKO.id]);
    expect(list.check(AT_ERIKSSON).map((hit) => hit.entry.id)).toEqual([ERIKSSON.id]);
    expect(list.check(AT_PETRENKO)).toEqual([]);
    expect(new PersonList(db).load).toEqual({ loaded: 1, damaged: 0 });
  });

  it('honours the thresholds it was given per category', () => {
    const { db } = store();
    const strict = new PersonList(db, { thresholds: { 'red-notice': 0.99 } });
    strict.replace([ERIKSSON]);
    expect(strict.check(AT_ERIKSSON)).toHaveLength(1);
    // The middle name left out: a good match, but not the 0.99 this category asks for.
    expect(strict.check(traveller({ surname: 'ERIKSSON', givenNames: 'ANNA', birthDate: '740812' }))).toEqual([]);
    expect(new PersonList(db).check(traveller({ surname: 'ERIKSSON', givenNames: 'ANNA', birthDate: '740812' }))).toHaveLength(1);
  });

  it('reads the list’s version as central last set it, 0 before any', () => {
    const { db } = store();
    const list = new PersonList(db);
    expect(list.version()).toBe(0);
    db.prepare("INSERT INTO reference_versions (kind, version, applied_at) VALUES ('person-list', 42, ?)").run(Date.now());
    expect(list.version()).toBe(42);
  });
});
