import { readFileSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Database } from 'better-sqlite3';
import * as z from 'zod';
import { ApplianceConfig } from '../../common/contract/config.js';
import { VisaRequirement } from '../../common/contract/document-checks.js';
import type { DeltaChange, DeltaKind } from '../../../sync/protocol/wire.js';
import type { ReferenceStore } from '../../../sync/relay/downlink.js';
import { writeFileDurably } from '../fs/durable-write.js';
import { writeWithoutFsync } from '../db/write-without-fsync.js';
import { firstIssuePath } from '../../common/contract/describe-issues.js';
import type { VisaTable } from '../reference/visa-table.js';
import type { DocumentListEntry } from '../../common/contract/alert-lists.js';
import { readDocumentChange, type DocumentEntryRef } from '../../common/alerts/document-change.js';
import type { DocumentList } from '../alerts/document-list.js';
import type { PersonList } from '../alerts/person-list.js';
import type { PersonListEntry } from '../../common/contract/alert-lists.js';
import { readPersonChange } from '../../common/alerts/person-change.js';

/** An alert-list entry: its matching comes with the alert-list check; until then it is kept as sent. */
const AlertListEntry = z.record(z.string(), z.unknown());

const CHECKED_PER_TURN = 250;

const VersionRow = z.object({ version: z.number().int().nonnegative() });
const EntryRow = z.object({ key: z.string(), value: z.string() });

/** An alert list whose deltas are staged beside the lane's work, then put in force when their version moves (alerts/versioned-rows.ts). */
interface StagedList<U, R> {
  stage(toVersion: number, upserts: readonly U[], removals: readonly R[]): Promise<void>;
  unstage(toVersion: number): void;
  commit(toVersion: number): void;
}

/** The delta central sent cannot be applied here; nothing of it was kept. */
export class DeltaRefused extends Error {
  override readonly name = 'DeltaRefused';
}

/**
 * Reference data from central, applied delta by delta in one transaction each.
 * Visa rules take effect at once (the visa table the document checks read is
 * replaced); config updates are merged into config.json, checked against the
 * config schema first, and take effect (and are audited) at the next start.
 */
export class SqliteReferenceStore implements ReferenceStore {
  constructor(
    private readonly db: Database,
    private readonly visaTable: VisaTable,
    private readonly configPath: string,
    /** Listed documents live in their own table, sized for SLTD; only their version is a reference version. */
    private readonly documents: DocumentList,
    /** Listed persons likewise, with the matcher over them in memory. */
    private readonly persons: PersonList,
  ) {
    const rules = new Map(visaTable.current());
    for (const [nationality, requirement] of this.entries('visa-rules')) {
      const parsed = VisaRequirement.safeParse(requirement);
      if (parsed.success) rules.set(nationality, parsed.data);
    }
    visaTable.replace(rules);
  }

  version(kind: DeltaKind): number {
    const row = this.db.prepare('SELECT version FROM reference_versions WHERE kind = ?').get(kind);
    return row === undefined ? 0 : VersionRow.parse(row).version;
  }

  entries(kind: DeltaKind): Map<string, unknown> {
    const rows = this.db.prepare('SELECT key, value FROM reference_entries WHERE kind = ? ORDER BY key').all(kind);
    return new Map(rows.map((raw) => EntryRow.parse(raw)).map((row) => [row.key, JSON.parse(row.value) as unknown]));
  }

  async apply(kind: DeltaKind, fromVersion: number, toVersion: number, changes: readonly DeltaChange[]): Promise<void> {
    if (kind === 'person-list') {
      await this.applyStaged(kind, fromVersion, toVersion, this.persons, await this.readPersons(changes));
      return;
    }
    if (kind === 'document-list') {
      await this.applyStaged(kind, fromVersion, toVersion, this.documents, await this.readDocuments(changes));
      return;
    }
    this.checkChanges(kind, changes);
    const nextConfig = kind === 'config' ? this.mergedConfig(changes) : undefined;
    this.db
      .transaction(() => {
        this.moveVersion(kind, fromVersion, toVersion);
        this.applyEntries(kind, changes);
        // The file is written inside the transaction: if it cannot be, the version does not move and the delta comes again.
        if (nextConfig !== undefined) writeFileDurably(this.configPath, `${JSON.stringify(nextConfig, null, 2)}\n`);
      })
      .immediate();
    if (kind === 'visa-rules') {
      const rules = new Map(this.visaTable.current());
      for (const change of changes) {
        if (change.value === null) rules.delete(change.key);
        else rules.set(change.key, VisaRequirement.parse(change.value));
      }
      this.visaTable.replace(rules);
    }
  }

  /** Call inside the delta's transaction: refuses it unless the list is still at fromVersion. */
  private moveVersion(kind: DeltaKind, fromVersion: number, toVersion: number): void {
    if (this.version(kind) !== fromVersion) throw new DeltaRefused(`${kind} is no longer at version ${String(fromVersion)}`);
    this.db
      .prepare('INSERT INTO reference_versions (kind, version, applied_at) VALUES (?, ?, ?) ON CONFLICT (kind) DO UPDATE SET version = excluded.version, applied_at = excluded.applied_at')
      .run(kind, toVersion, Date.now());
  }

  /**
   * An alert list is staged as rows of its new version while crossings go on
   * being recorded, then comes into force in one short transaction that moves
   * its version; only then do checks see it.
   */
  private async applyStaged<U, R>(kind: DeltaKind, fromVersion: number, toVersion: number, list: StagedList<U, R>, read: { upserts: readonly U[]; removals: readonly R[] }): Promise<void> {
    if (this.version(kind) !== fromVersion) throw new DeltaRefused(`${kind} is no longer at version ${String(fromVersion)}`);
    await list.stage(toVersion, read.upserts, read.removals);
    try {
      // Without an fsync of its own: a version move lost to a power cut only means the delta is fetched and staged again.
      writeWithoutFsync(this.db, () => this.db.transaction(() => this.moveVersion(kind, fromVersion, toVersion)).immediate());
    } catch (error) {
      list.unstage(toVersion);
      throw error;
    }
    list.commit(toVersion);
  }

  private applyEntries(kind: DeltaKind, changes: readonly DeltaChange[]): void {
    const upsert = this.db.prepare('INSERT OR REPLACE INTO reference_entries (kind, key, value) VALUES (?, ?, ?)');
    const remove = this.db.prepare('DELETE FROM reference_entries WHERE kind = ? AND key = ?');
    for (const change of changes) {
      if (change.value === null) remove.run(kind, change.key);
      else upsert.run(kind, change.key, JSON.stringify(change.value));
    }
  }

  private checkChanges(kind: DeltaKind, changes: readonly DeltaChange[]): void {
    for (const change of changes) {
      if (change.value === null) continue;
      const valid =
        kind === 'visa-rules'
          ? /^[A-Z<]{3}$/.test(change.key) && VisaRequirement.safeParse(change.value).success
          : kind === 'alert-list'
            ? AlertListEntry.safeParse(change.value).success
            : true;
      if (!valid) throw new DeltaRefused(`${kind} entry ${change.key.slice(0, 40)} is not valid`);
    }
  }

  /** A listed document is keyed by its entry id, so that a later delta can replace or remove exactly it. */
  private async readDocuments(changes: readonly DeltaChange[]): Promise<{ upserts: DocumentListEntry[]; removals: DocumentEntryRef[] }> {
    const upserts: DocumentListEntry[] = [];
    const removals: DocumentEntryRef[] = [];
    for (const [index, change] of changes.entries()) {
      // Checking 100,000 entries takes a while: crossings are recorded in between.
      if (index % CHECKED_PER_TURN === CHECKED_PER_TURN - 1) await nextTurn();
      const read = readDocumentChange(change);
      if (read.ok) {
        if ('upsert' in read) upserts.push(read.upsert);
        else removals.push(read.remove);
        continue;
      }
      const why = read.problem === 'not-an-id' ? 'is not an entry id (STATE:NUMBER:TYPE)' : read.problem === 'invalid' ? 'is not valid' : `is filed under another id than its own (${read.ownId})`;
      throw new DeltaRefused(`document-list entry ${change.key.slice(0, 40)} ${why}`);
    }
    return { upserts, removals };
  }

  /** A listed person is keyed by its id; a removal names only the id. */
  private async readPersons(changes: readonly DeltaChange[]): Promise<{ upserts: PersonListEntry[]; removals: string[] }> {
    const upserts: PersonListEntry[] = [];
    const removals: string[] = [];
    for (const [index, change] of changes.entries()) {
      // Checking 100,000 entries takes a while: crossings are recorded in between.
      if (index % CHECKED_PER_TURN === CHECKED_PER_TURN - 1) await nextTurn();
      const read = readPersonChange(change);
      if (read.ok) {
        if ('upsert' in read) upserts.push(read.upsert);
        else removals.push(read.remove);
        continue;
      }
      const why = read.problem === 'invalid' ? 'is not valid' : `is filed under another id than its own (${read.ownId.slice(0, 40)})`;
      throw new DeltaRefused(`person-list entry ${change.key.slice(0, 40)} ${why}`);
    }
    return { upserts, removals };
  }

  /** The config file with the delta's top-level settings applied; refused whole if the result is not a valid config. */
  private mergedConfig(changes: readonly DeltaChange[]): ApplianceConfig {
    let current: Record<string, unknown>;
    try {
      current = z.record(z.string(), z.unknown()).parse(JSON.parse(readFileSync(this.configPath, 'utf8')));
    } catch {
      throw new DeltaRefused('the config file cannot be read to apply the update');
    }
    for (const change of changes) {
      // Identity stays with the appliance: central may tune settings, not rename the lane's appliance.
      if (change.key === 'applianceId' || change.key === 'version') throw new DeltaRefused(`config update may not change ${change.key}`);
      if (change.value === null) Reflect.deleteProperty(current, change.key);
      else current[change.key] = change.value;
    }
    const parsed = ApplianceConfig.safeParse(current);
    if (!parsed.success) throw new DeltaRefused(`the config update would make the config invalid at ${firstIssuePath(parsed.error)}`);
    return parsed.data;
  }
}
