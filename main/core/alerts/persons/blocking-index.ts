/**
 * Posting lists of person slots (small integers) by blocking key. A common
 * key (every -YAN, every IVANOV) holds tens of thousands of slots, and a
 * check reads several such lists: packed Int32Arrays and a per-slot stamp
 * make that a pass over memory, not tens of thousands of string-keyed set
 * insertions.
 */
const FIRST_CAPACITY = 8;

interface Posting {
  slots: Int32Array;
  length: number;
}

export class BlockingIndex {
  private readonly postings = new Map<string, Posting>();
  private stamps = new Uint32Array(1024);
  private stamp = 0;

  add(key: string, slot: number): void {
    let posting = this.postings.get(key);
    if (posting === undefined) {
      posting = { slots: new Int32Array(FIRST_CAPACITY), length: 0 };
      this.postings.set(key, posting);
    }
    if (posting.length === posting.slots.length) {
      const grown = new Int32Array(posting.slots.length * 2);
      grown.set(posting.slots);
      posting.slots = grown;
    }
    posting.slots[posting.length] = slot;
    posting.length += 1;
    if (slot >= this.stamps.length) {
      const grown = new Uint32Array(Math.max(slot + 1, this.stamps.length * 2));
      grown.set(this.stamps);
      this.stamps = grown;
    }
  }

  /** Calls `visit` once for each slot filed under any of the keys (a slot under two keys is visited once). */
  forEachUnder(keys: Iterable<string>, visit: (slot: number) => void): void {
    this.stamp += 1;
    if (this.stamp === 0xffffffff) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
    const stamp = this.stamp;
    const stamps = this.stamps;
    for (const key of keys) {
      const posting = this.postings.get(key);
      if (posting === undefined) continue;
      const { slots, length } = posting;
      for (let at = 0; at < length; at += 1) {
        const slot = slots[at] ?? 0;
        if (stamps[slot] === stamp) continue;
        stamps[slot] = stamp;
        visit(slot);
      }
    }
  }

  get keys(): number {
    return this.postings.size;
  }
}
