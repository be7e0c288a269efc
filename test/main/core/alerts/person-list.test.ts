/**
 * The listed persons as an operator loads them: the durable copy in the
 * appliance's SQLite file survives a restart, a damaged row is counted and
 * never matched, and a refused delta leaves the matcher as it was.
 */
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { PersonList } from '../../../../main/core/alerts/person-list.js';
import { listed, traveller } from '../../../rigs/persons.js';
import { reopenableDatabase } from '../../../rigs/reopenable-database.js';

const PETRENKO = listed({ id: 'uto-0001', surname: 'Петренко', givenNames: 'Роман', birthDate: '1981-04-12', nationality: 'UTO' });
const ERIKSSON = listed({ id: 'uto-0002', surname: 'ERIKSSON', givenNames: 'ANNA MARIA', birthDate: '1974-08-12', category: 'red-notice', action: 'arrest' });
const AT_PETRENKO = traveller({ surname: 'PETRENKO', givenNames: 'ROMAN', birthDate: '810412', nationality: 'UTO' });
const AT_ERIKSSON = traveller({ surname: 'ERIKSSON', givenNames: 'ANNA MARIA', birthDate: '740812' });

const store = reopenableDatabase;

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
    const insert = db.prepare('INSERT INTO alert_persons (id, since, entry) VALUES (?, 0, ?)');
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

  /** What the reference store does once a staged delta's version is in force. */
  function moveVersion(db: Database, version: number): void {
    db.prepare("INSERT OR REPLACE INTO reference_versions (kind, version, applied_at) VALUES ('person-list', ?, 0)").run(version);
  }

  it('checks against the list as it was while a delta is staged, and after a stop mid-delta starts from it again', async () => {
    const { db, reopen } = store();
    const list = new PersonList(db);
    list.replace([PETRENKO]);
    await list.stage(1, [ERIKSSON], [PETRENKO.id]);
    expect(list.check(AT_PETRENKO).map((hit) => hit.entry.id)).toEqual([PETRENKO.id]);
    expect(list.check(AT_ERIKSSON)).toEqual([]);
    // The version never moved: a restart finds the list as it was, the staged rows gone.
    const again = new PersonList(reopen());
    expect(again.load).toEqual({ loaded: 1, damaged: 0 });
    expect(again.check(AT_PETRENKO)).toHaveLength(1);
    expect(again.check(AT_ERIKSSON)).toEqual([]);
  });

  it('takes back a staged delta that did not come into force', async () => {
    const { db } = store();
    const list = new PersonList(db);
    list.replace([PETRENKO]);
    await list.stage(1, [ERIKSSON], [PETRENKO.id]);
    list.unstage(1);
    expect(new PersonList(db).check(AT_PETRENKO)).toHaveLength(1);
    expect(new PersonList(db).check(AT_ERIKSSON)).toEqual([]);
  });

  it('puts a delta into the matcher once its version is in force, and keeps it across a restart', async () => {
    const { db, reopen } = store();
    const list = new PersonList(db);
    list.replace([PETRENKO]);
    await list.stage(1, [ERIKSSON, { ...PETRENKO, id: 'uto-0003' }], [PETRENKO.id]);
    moveVersion(db, 1);
    list.commit(1);
    expect(list.check(AT_ERIKSSON).map((hit) => hit.entry.id)).toEqual([ERIKSSON.id]);
    expect(list.check(AT_PETRENKO).map((hit) => hit.entry.id)).toEqual(['uto-0003']);
    const again = new PersonList(reopen());
    expect(again.load).toEqual({ loaded: 2, damaged: 0 });
    expect(again.check(AT_PETRENKO).map((hit) => hit.entry.id)).toEqual(['uto-0003']);
  });

  it('refuses a second delta while one is being staged', async () => {
    const { db } = store();
    const list = new PersonList(db);
    const first = list.stage(1, Array.from({ length: 2_000 }, (_, index) => ({ ...PETRENKO, id: `p-${String(index)}` })), []);
    await expect(list.stage(1, [ERIKSSON], [])).rejects.toThrow('another person-list delta');
    await first;
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
