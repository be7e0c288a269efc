import type { MrzTraveller, PersonHit, PersonListEntry, PersonMatchExplanation } from '../../../common/contract/alert-lists.js';
import { birthDateAgreement, listedBirthDate, mrzBirthDate, packBirthDate, packedDatesMayAgree, type BirthDateParts } from './birth-date-agreement.js';
import { BlockingIndex } from './blocking-index.js';
import { blockingKeys } from './blocking-keys.js';
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

/** A unit's blocking keys, and its Chinese readings: XU and HSU share no consonant key, yet are one name. */
function unitKeys(unit: PreparedName['units'][number]): string[] {
  return [...blockingKeys(unit.sounds), ...[...unit.chinese].map((reading) => `c${reading}`)];
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
  for (const { prepared } of names) for (const unit of prepared.units) for (const key of unitKeys(unit)) keys.add(key);
  return { entry, names, birth: listedBirthDate(entry.birthDate), sex: known(entry.sex), nationality: known(entry.nationality?.toUpperCase()), keys: [...keys] };
}

/** A traveller's name as long as the MRZ writes it: SURNAME<<GIVEN<NAMES. */
function mrzNameLength(traveller: MrzTraveller): number {
  const given = traveller.givenNames.trim();
  return traveller.surname.trim().length + (given === '' ? 0 : 2 + given.length);
}

/**
 * Travellers against listed persons, in memory: a blocking index by coarse
 * name keys (blocking-keys.ts) picks the candidates, the birth date rules
 * most of them out while they are gathered, and only the rest have their
 * names aligned.
 */
export class PersonMatcher {
  /** Persons by slot; a removed or replaced person leaves a hole until the index is rebuilt. */
  private people: (IndexedPerson | undefined)[] = [];
  private births = new Int32Array(1024);
  /** 1 for a slot filed by a staged change and not in force yet: checks pass it by. */
  private pending = new Uint8Array(1024);
  private readonly slotOf = new Map<string, number>();
  private index = new BlockingIndex();
  private staged: { slots: number[]; removals: string[] } | undefined;
  private readonly thresholds: Readonly<Record<string, number>>;

  constructor(entries: Iterable<PersonListEntry> = [], options: PersonMatcherOptions = {}) {
    this.thresholds = options.thresholds ?? {};
    for (const entry of entries) this.add(entry);
  }

  get size(): number {
    return this.slotOf.size;
  }

  add(entry: PersonListEntry): void {
    this.addPrepared(preparePerson(entry));
  }

  addPrepared(person: IndexedPerson): void {
    this.remove(person.entry.id);
    this.slotOf.set(person.entry.id, this.file(person, false));
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.slotOf.delete(id);
    this.people[slot] = undefined;
    this.rebuildIfHoley();
  }

  /**
   * Files persons of a change that is not in force yet, a part at a time:
   * checks pass them by until commitStaged(), which puts the whole change in
   * force at once however large it is.
   */
  stage(persons: readonly IndexedPerson[], removals: readonly string[] = []): void {
    this.staged ??= { slots: [], removals: [] };
    for (const person of persons) this.staged.slots.push(this.file(person, true));
    this.staged.removals.push(...removals);
  }

  commitStaged(): void {
    const staged = this.staged;
    this.staged = undefined;
    if (staged === undefined) return;
    for (const id of staged.removals) {
      const slot = this.slotOf.get(id);
      if (slot !== undefined) this.people[slot] = undefined;
      this.slotOf.delete(id);
    }
    for (const slot of staged.slots) {
      const person = this.people[slot];
      if (person === undefined) continue;
      const replaced = this.slotOf.get(person.entry.id);
      // The same id twice in one change: the later wins, as it does in the rows.
      if (replaced !== undefined) this.people[replaced] = undefined;
      this.slotOf.set(person.entry.id, slot);
      this.pending[slot] = 0;
    }
    // No rebuild here: a large change leaves many holes, and the caller compacts them a part at a time (compact()).
  }

  /** Whether holes outnumber the living enough that checks would do better over a fresh index. */
  get holey(): boolean {
    const holes = this.people.length - this.slotOf.size;
    return holes > 1024 && holes > this.slotOf.size;
  }

  /**
   * Files the living persons afresh, a few thousand per `turn`, and swaps the
   * fresh index in at once: checks meanwhile use the old one, which stays
   * valid as long as the caller changes nothing until this resolves.
   */
  async compact(turn: () => Promise<unknown>): Promise<void> {
    const living = this.livingInSlotOrder();
    const fresh = new PersonMatcher([], { thresholds: this.thresholds });
    for (let at = 0; at < living.length; at += COMPACTED_PER_TURN) {
      for (const person of living.slice(at, at + COMPACTED_PER_TURN)) fresh.addPrepared(person);
      await turn();
    }
    this.people = fresh.people;
    this.births = fresh.births;
    this.pending = fresh.pending;
    this.index = fresh.index;
    this.slotOf.clear();
    for (const [id, slot] of fresh.slotOf) this.slotOf.set(id, slot);
  }

  discardStaged(): void {
    for (const slot of this.staged?.slots ?? []) this.people[slot] = undefined;
    this.staged = undefined;
  }

  /** Holes cost a skipped slot per posting read; once they outnumber the living, everyone is filed afresh. */
  private rebuildIfHoley(): void {
    if (this.staged === undefined && this.holey) this.rebuild();
  }

  private file(person: IndexedPerson, pending: boolean): number {
    const slot = this.people.length;
    this.people.push(person);
    if (slot >= this.births.length) {
      const births = new Int32Array(this.births.length * 2);
      births.set(this.births);
      this.births = births;
      const flags = new Uint8Array(this.pending.length * 2);
      flags.set(this.pending);
      this.pending = flags;
    }
    this.births[slot] = packBirthDate(person.birth);
    this.pending[slot] = pending ? 1 : 0;
    for (const key of person.keys) this.index.add(key, slot);
    return slot;
  }

  /** The persons in force, in the order they were filed. */
  private livingInSlotOrder(): IndexedPerson[] {
    return [...this.slotOf.values()].sort((x, y) => x - y).flatMap((slot) => this.people[slot] ?? []);
  }

  private rebuild(): void {
    const living = this.livingInSlotOrder();
    this.people = [];
    this.slotOf.clear();
    this.index = new BlockingIndex();
    for (const person of living) this.slotOf.set(person.entry.id, this.file(person, false));
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
    for (const unit of presented.units) for (const key of unitKeys(unit)) keys.add(key);
    const candidates: IndexedPerson[] = [];
    this.index.forEachUnder(keys, (slot) => {
      const person = this.people[slot];
      if (person !== undefined && this.pending[slot] === 0 && packedDatesMayAgree(this.births[slot] ?? 0, presentedBirth)) candidates.push(person);
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
