import type { MrzTraveller, PersonHit, PersonListEntry, PersonMatchExplanation } from '../../../common/contract/alert-lists.js';
import { birthDateAgreement, listedBirthDate, mrzBirthDate, packBirthDate, packedDatesMayAgree, type BirthDateParts } from './birth-date-agreement.js';
import { BlockingIndex } from './blocking-index.js';
import { alignNames, type NameAlignment, type UnitComparison } from './name-alignment.js';
import { foldName } from './name-folding.js';
import { prepareName, type PreparedName } from './prepared-name.js';
import { explain } from './match-explanation.js';

/** The score at or above which a traveller is a hit, unless the list's category sets its own. */
export const DEFAULT_PERSON_THRESHOLD = 0.75;

/** The MRZ's shortest name field (TD1): a name this long may have been cut. */
const SHORTEST_NAME_FIELD = 30;
/** A differing sex or nationality lowers a score, never raises it: a traveller may hold another passport. */
const DIFFERS_FACTOR = 0.95;
const MAX_HITS = 20;
const COMPACTED_PER_TURN = 2_000;

export interface PersonMatcherOptions {
  /** Thresholds by list category; others use DEFAULT_PERSON_THRESHOLD. */
  readonly thresholds?: Readonly<Record<string, number>>;
}

/** A listed person made ready to file: the costly part of adding one, which may run ahead of the change it belongs to. */
export interface IndexedPerson {
  readonly entry: PersonListEntry;
  /** Every spelling of every name: primary first, then aliases; `name` 0 is the primary. */
  readonly names: readonly { readonly name: number; readonly prepared: PreparedName }[];
  readonly birth: BirthDateParts;
  readonly sex: string | null;
  readonly nationality: string | null;
  readonly keys: readonly string[];
}

function known(value: string | null | undefined): string | null {
  // Filler alone (`<`, an MRZ nationality `<<<`) is unknown, as is sex X.
  const bare = value?.replace(/<+$/, '') ?? '';
  return bare === '' || bare === 'X' ? null : bare;
}

export function preparePerson(entry: PersonListEntry): IndexedPerson {
  const names: { name: number; prepared: PreparedName }[] = [];
  for (const [name, written] of [{ surname: entry.surname, givenNames: entry.givenNames }, ...entry.aliases].entries()) {
    const surnames = foldName(written.surname);
    const givens = foldName(written.givenNames);
    for (const [form, surname] of surnames.entries()) {
      names.push({ name, prepared: prepareName(surname, givens[form] ?? givens[0] ?? '', true) });
    }
  }
  const keys = new Set<string>();
  for (const { prepared } of names) for (const unit of prepared.units) for (const key of unit.keys) keys.add(key);
  return { entry, names, birth: listedBirthDate(entry.birthDate), sex: known(entry.sex), nationality: known(entry.nationality?.toUpperCase()), keys: [...keys] };
}

/** A traveller's name as long as the MRZ writes it: SURNAME<<GIVEN<NAMES. */
function mrzNameLength(traveller: MrzTraveller): number {
  const given = traveller.givenNames.trim();
  return traveller.surname.trim().length + (given === '' ? 0 : 2 + given.length);
}

/** A slot's `until` when nothing has superseded it. */
const NEVER = 0x7fffffff;
/** A slot's `until` once its person is gone: before every epoch. */
const GONE = -1;

/** A change filed but not in force: the slots it added and the ones it supersedes, by id. */
interface StagedChange {
  readonly epoch: number;
  readonly slotOf: Map<string, number>;
  readonly removed: Set<string>;
  readonly superseded: number[];
  size: number;
}

/**
 * Travellers against listed persons, in memory: a blocking index by coarse
 * name keys (blocking-keys.ts) picks the candidates, the birth date rules
 * most of them out while they are gathered, and only the rest have their
 * names aligned.
 *
 * Each slot is in force over a range of epochs [since, until): a change is
 * filed a part at a time at the next epoch, and comes into force, however
 * large, by moving the epoch. The bookkeeping it leaves (ids to slots, the
 * holes of superseded persons) is settled afterwards in small turns, so no
 * single turn of the event loop walks the whole list.
 */
export class PersonMatcher {
  private people: (IndexedPerson | undefined)[] = [];
  private births = new Int32Array(1024);
  private since = new Int32Array(1024);
  private until = new Int32Array(1024);
  private epoch = 0;
  private slotOf = new Map<string, number>();
  private living = 0;
  private index = new BlockingIndex();
  private staged: StagedChange | undefined;
  /** A change in force whose ids are not yet in slotOf (settle() files them). */
  private unsettled: StagedChange | undefined;
  private readonly thresholds: Readonly<Record<string, number>>;

  constructor(entries: Iterable<PersonListEntry> = [], options: PersonMatcherOptions = {}) {
    this.thresholds = options.thresholds ?? {};
    for (const entry of entries) this.add(entry);
  }

  get size(): number {
    return this.living;
  }

  add(entry: PersonListEntry): void {
    this.addPrepared(preparePerson(entry));
  }

  addPrepared(person: IndexedPerson): void {
    this.assertSettled();
    this.remove(person.entry.id);
    this.slotOf.set(person.entry.id, this.file(person, this.epoch));
    this.living += 1;
  }

  remove(id: string): void {
    this.assertSettled();
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.slotOf.delete(id);
    this.living -= 1;
    this.forget(slot);
    this.rebuildIfHoley();
  }

  /**
   * Files persons of a change that is not in force yet, a part at a time:
   * checks pass them by until commitStaged(), which puts the whole change in
   * force at once however large it is.
   */
  stage(persons: readonly IndexedPerson[], removals: readonly string[] = []): void {
    this.assertSettled();
    const change = (this.staged ??= { epoch: this.epoch + 1, slotOf: new Map<string, number>(), removed: new Set<string>(), superseded: [], size: this.living });
    // Within one change removals come before upserts, as they do in the rows: a removed id given again stays.
    for (const id of removals) {
      if (!change.removed.has(id) && !change.slotOf.has(id) && this.supersede(change, id)) change.size -= 1;
      change.removed.add(id);
    }
    for (const person of persons) {
      const { id } = person.entry;
      const earlier = change.slotOf.get(id);
      // The same id twice in one change: the later wins, as it does in the rows.
      if (earlier !== undefined) this.forget(earlier);
      else if (change.removed.has(id) || !this.supersede(change, id)) change.size += 1;
      change.slotOf.set(id, this.file(person, change.epoch));
    }
  }

  /** Puts the staged change in force at once; settle() then does its bookkeeping a part at a time. */
  commitStaged(): void {
    const change = this.staged;
    this.staged = undefined;
    if (change === undefined) return;
    this.epoch = change.epoch;
    this.living = change.size;
    this.unsettled = change;
  }

  discardStaged(): void {
    const change = this.staged;
    this.staged = undefined;
    if (change === undefined) return;
    for (const slot of change.slotOf.values()) this.forget(slot);
    for (const slot of change.superseded) this.until[slot] = NEVER;
  }

  /**
   * Files a committed change's ids, COMPACTED_PER_TURN per `turn`, or, when it left
   * more holes than persons, files the living afresh (compact()). Nothing
   * else may change the matcher until this resolves; checks go on meanwhile.
   */
  async settle(turn: () => Promise<unknown>): Promise<void> {
    const change = this.unsettled;
    if (change === undefined) return;
    if (this.holey) {
      await this.compact(turn);
    } else {
      let done = 0;
      for (const id of change.removed) {
        if (!change.slotOf.has(id)) this.slotOf.delete(id);
        if (++done % COMPACTED_PER_TURN === 0) await turn();
      }
      for (const [id, slot] of change.slotOf) {
        this.slotOf.set(id, slot);
        if (++done % COMPACTED_PER_TURN === 0) await turn();
      }
      // Out of force for good: let the collector have them now rather than at the next compaction, so the next delta stages beside a smaller heap.
      for (const slot of change.superseded) {
        this.forget(slot);
        if (++done % COMPACTED_PER_TURN === 0) await turn();
      }
    }
    this.unsettled = undefined;
  }

  /** A committed change's bookkeeping is still under way: the matcher takes no other change until settle() resolves. */
  get settling(): boolean {
    return this.unsettled !== undefined;
  }

  /** Whether holes outnumber the living enough that checks would do better over a fresh index. */
  get holey(): boolean {
    const holes = this.people.length - this.living;
    return holes > 1024 && holes > this.living;
  }

  /**
   * Files the persons in force afresh, a few thousand slots per `turn`, and
   * swaps the fresh index in at once: checks meanwhile use the old one.
   */
  private async compact(turn: () => Promise<unknown>): Promise<void> {
    const fresh = new PersonMatcher([], { thresholds: this.thresholds });
    const filled = this.people.length;
    for (let from = 0; from < filled; from += COMPACTED_PER_TURN) {
      for (let slot = from; slot < Math.min(filled, from + COMPACTED_PER_TURN); slot += 1) {
        const person = this.people[slot];
        if (person !== undefined && this.inForce(slot)) fresh.addPrepared(person);
      }
      await turn();
    }
    // The fresh slots were filed in force from epoch 0: every epoch from now on.
    fresh.epoch = this.epoch;
    this.people = fresh.people;
    this.births = fresh.births;
    this.since = fresh.since;
    this.until = fresh.until;
    this.index = fresh.index;
    this.slotOf = fresh.slotOf;
    this.living = fresh.living;
  }

  private inForce(slot: number): boolean {
    return (this.since[slot] ?? NEVER) <= this.epoch && (this.until[slot] ?? GONE) > this.epoch;
  }

  /** Marks the slot in force holding `id` as superseded from the change's epoch; whether there was one. */
  private supersede(change: StagedChange, id: string): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined || this.until[slot] !== NEVER) return false;
    this.until[slot] = change.epoch;
    change.superseded.push(slot);
    return true;
  }

  private forget(slot: number): void {
    this.people[slot] = undefined;
    this.until[slot] = GONE;
  }

  private assertSettled(): void {
    // Callers (person-list.ts) wait for settle(); a change meanwhile would be filed against stale ids.
    if (this.unsettled !== undefined) throw new Error('the person matcher is still settling a change');
  }

  /** Holes cost a skipped slot per posting read; once they outnumber the living, everyone is filed afresh. */
  private rebuildIfHoley(): void {
    if (this.staged === undefined && this.holey) this.rebuild();
  }

  private file(person: IndexedPerson, since: number): number {
    const slot = this.people.length;
    this.people.push(person);
    if (slot >= this.births.length) {
      const grow = (from: Int32Array): Int32Array<ArrayBuffer> => {
        const grown = new Int32Array(from.length * 2);
        grown.set(from);
        return grown;
      };
      this.births = grow(this.births);
      this.since = grow(this.since);
      this.until = grow(this.until);
    }
    this.births[slot] = packBirthDate(person.birth);
    this.since[slot] = since;
    this.until[slot] = NEVER;
    for (const key of person.keys) this.index.add(key, slot);
    return slot;
  }

  private rebuild(): void {
    const living = this.people.filter((person, slot): person is IndexedPerson => person !== undefined && this.inForce(slot));
    this.people = [];
    this.slotOf.clear();
    this.living = 0;
    this.index = new BlockingIndex();
    for (const person of living) {
      this.slotOf.set(person.entry.id, this.file(person, this.epoch));
      this.living += 1;
    }
  }

  thresholdOf(category: string): number {
    return this.thresholds[category] ?? DEFAULT_PERSON_THRESHOLD;
  }

  /** The entries matching at or above the threshold (given, or each list category's), best first. */
  match(traveller: MrzTraveller, threshold?: number): PersonHit[] {
    const presented = prepareName(traveller.surname.trim().replace(/\s+/g, ' '), traveller.givenNames.trim().replace(/\s+/g, ' '));
    const birth = mrzBirthDate(traveller.birthDate);
    const cutShort = mrzNameLength(traveller) >= SHORTEST_NAME_FIELD;
    const presentedBirth = packBirthDate(birth);
    const sex = known(traveller.sex);
    const nationality = known(traveller.nationality);
    const keys = new Set<string>();
    for (const unit of presented.units) for (const key of unit.keys) keys.add(key);
    const candidates: IndexedPerson[] = [];
    this.index.forEachUnder(keys, (slot) => {
      const person = this.people[slot];
      if (person !== undefined && this.inForce(slot) && packedDatesMayAgree(this.births[slot] ?? 0, presentedBirth)) candidates.push(person);
    });
    const hits: PersonHit[] = [];
    const seen = new Map<string, UnitComparison[]>();
    for (const person of candidates) {
      const date = birthDateAgreement(person.birth, birth);
      if (date === null) continue;
      const bar = threshold ?? this.thresholdOf(person.entry.category);
      const differs: PersonMatchExplanation['differs'] = [];
      if (person.sex !== null && sex !== null && person.sex !== sex) differs.push('sex');
      if (person.nationality !== null && nationality !== null && person.nationality !== nationality) differs.push('nationality');
      const factor = date.factor * DIFFERS_FACTOR ** differs.length;
      if (factor < bar) continue;
      let best: { name: number; alignment: NameAlignment } | undefined;
      for (const { name, prepared } of person.names) {
        const alignment = alignNames(prepared, presented, cutShort, seen, bar / factor);
        if (alignment !== undefined && (best === undefined || alignment.score > best.alignment.score)) best = { name, alignment };
      }
      if (best === undefined) continue;
      const score = Math.round(best.alignment.score * factor * 1000) / 1000;
      if (score < bar) continue;
      hits.push({ entry: person.entry, score, explanation: explain(best.name, best.alignment, date.agreement, differs) });
    }
    return hits.sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id)).slice(0, MAX_HITS);
  }
}
