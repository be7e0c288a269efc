import type { MrzTraveller, PersonHit, PersonListEntry } from '../../../common/contract/alert-lists.js';

/** The score at or above which a traveller is a hit, unless the list's category sets its own. */
export const DEFAULT_PERSON_THRESHOLD = 0.8;

/** Matches travellers against listed persons (skeleton: the engine lands next). */
export class PersonMatcher {
  private readonly entries = new Map<string, PersonListEntry>();

  constructor(entries: Iterable<PersonListEntry> = []) {
    for (const entry of entries) this.add(entry);
  }

  get size(): number {
    return this.entries.size;
  }

  add(entry: PersonListEntry): void {
    this.entries.set(entry.id, entry);
  }

  remove(id: string): void {
    this.entries.delete(id);
  }

  /** The entries matching at or above the threshold, best first. */
  match(traveller: MrzTraveller, threshold: number = DEFAULT_PERSON_THRESHOLD): PersonHit[] {
    void traveller;
    void threshold;
    return [];
  }
}
