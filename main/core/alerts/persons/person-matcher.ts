import type { MrzTraveller, PersonHit, PersonListEntry, PersonMatchExplanation } from '../../../common/contract/alert-lists.js';
import { birthDateAgreement, listedBirthDate, mrzBirthDate, type BirthDateParts } from './birth-date-agreement.js';
import { blockingKeys } from './blocking-keys.js';
import { alignNames, type UnitPair } from './name-alignment.js';
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

export interface PersonMatcherOptions {
  /** Thresholds by list category; others use DEFAULT_PERSON_THRESHOLD. */
  readonly thresholds?: Readonly<Record<string, number>>;
}

interface IndexedPerson {
  readonly entry: PersonListEntry;
  /** Every spelling of every name: primary first, then aliases; `name` 0 is the primary. */
  readonly names: readonly { readonly name: number; readonly prepared: PreparedName }[];
  readonly birth: BirthDateParts;
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

function prepareEntry(entry: PersonListEntry): IndexedPerson {
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
  return { entry, names, birth: listedBirthDate(entry.birthDate), keys: [...keys] };
}

/** A traveller's name as long as the MRZ writes it: SURNAME<<GIVEN<NAMES. */
function mrzNameLength(traveller: MrzTraveller): number {
  const given = traveller.givenNames.trim();
  return traveller.surname.trim().length + (given === '' ? 0 : 2 + given.length);
}

/**
 * Travellers against listed persons, in memory: a blocking index by coarse
 * name keys (blocking-keys.ts) picks the candidates, the birth date rules
 * most of them out at once, and only the rest have their names aligned.
 */
export class PersonMatcher {
  private readonly people = new Map<string, IndexedPerson>();
  private readonly byKey = new Map<string, Set<string>>();
  private readonly thresholds: Readonly<Record<string, number>>;

  constructor(entries: Iterable<PersonListEntry> = [], options: PersonMatcherOptions = {}) {
    this.thresholds = options.thresholds ?? {};
    for (const entry of entries) this.add(entry);
  }

  get size(): number {
    return this.people.size;
  }

  add(entry: PersonListEntry): void {
    this.remove(entry.id);
    const person = prepareEntry(entry);
    this.people.set(entry.id, person);
    for (const key of person.keys) {
      const ids = this.byKey.get(key) ?? new Set<string>();
      ids.add(entry.id);
      this.byKey.set(key, ids);
    }
  }

  remove(id: string): void {
    const person = this.people.get(id);
    if (person === undefined) return;
    this.people.delete(id);
    for (const key of person.keys) {
      const ids = this.byKey.get(key);
      ids?.delete(id);
      if (ids?.size === 0) this.byKey.delete(key);
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
    const candidates = new Set<string>();
    for (const unit of presented.units) {
      for (const key of unitKeys(unit)) for (const id of this.byKey.get(key) ?? []) candidates.add(id);
    }
    const hits: PersonHit[] = [];
    const seen = new Map<string, UnitPair>();
    for (const id of candidates) {
      const person = this.people.get(id);
      if (person === undefined) continue;
      const date = birthDateAgreement(person.birth, birth);
      if (date === null) continue;
      const bar = threshold ?? this.thresholdOf(person.entry.category);
      const differs: PersonMatchExplanation['differs'] = [];
      const sex = known(person.entry.sex);
      if (sex !== null && known(traveller.sex) !== null && sex !== traveller.sex) differs.push('sex');
      const nationality = known(person.entry.nationality?.toUpperCase());
      if (nationality !== null && known(traveller.nationality) !== null && nationality !== known(traveller.nationality)) differs.push('nationality');
      const factor = date.factor * DIFFERS_FACTOR ** differs.length;
      if (factor < bar) continue;
      let best: { name: number; alignment: ReturnType<typeof alignNames> } | undefined;
      for (const { name, prepared } of person.names) {
        const alignment = alignNames(prepared, presented, cutShort, seen);
        if (best === undefined || alignment.score > best.alignment.score) best = { name, alignment };
      }
      if (best === undefined) continue;
      const score = Math.round(best.alignment.score * factor * 1000) / 1000;
      if (score < bar) continue;
      hits.push({ entry: person.entry, score, explanation: explain(best.name, best.alignment, date.agreement, differs) });
    }
    return hits.sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id)).slice(0, MAX_HITS);
  }
}
