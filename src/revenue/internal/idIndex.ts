/**
 * Numbers distinct strings 0, 1, 2 … in order of first appearance: `indexOf(id)` returns the id's number,
 * adding it if new; `ids[n]` is the string numbered `n`.
 *
 * The mrrMovements validator numbers every customerId and subscriptionId of up to millions of rows, where a
 * `Map` spent most of its time growing, rehashing and missing the cache. Exports are often sorted by id: while
 * every new id sorts after the last one it cannot have been seen, so it is numbered without hashing; the first
 * id out of order builds the table. The table is open addressing with linear probing, each slot holding the
 * id's hash next to its number in one typed array (a probe reads one cache line; growing re-reads the hashes
 * instead of rehashing strings). Ids crafted to collide could make probing
 * quadratic, so a probe longer than {@link LONG_PROBE} hands every id to a `Map` instead.
 *
 * For rows in no order, {@link IdIndex.indexAll} numbers a whole column after its hashes were taken in the
 * validator's pass over the rows: probing many rows in a row lets the processor overlap the cache misses of
 * neighbouring rows, where hashing a string between two probes kept them apart.
 *
 * @private
 */
export class IdIndex {
  /** The distinct ids, in order of first appearance. */
  readonly ids: string[] = [];
  /** Slot `s` is `slots[2s]` (the id's hash) and `slots[2s + 1]` (its number, -1 when empty): one cache line. */
  private slots = new Int32Array(1024).fill(-1);
  private mask = 511;
  private fallback: Map<string, number> | undefined;
  /** True while the ids arrived in ascending order and the table is not built. */
  private ascending = true;

  /** True once an id arrived out of ascending order: from then on ids are hashed (see {@link IdIndex.indexAll}). */
  get hashed(): boolean {
    return !this.ascending;
  }

  /** The number of `id`, numbering it first if it is new. */
  indexOf(id: string): number {
    if (this.ascending) {
      const count = this.ids.length;
      if (count === 0 || id > this.ids[count - 1]!) {
        this.ids.push(id);
        return count;
      }
      this.buildTable();
    }
    return this.probe(id, idHash(id));
  }

  /**
   * Numbers the ids of rows `from` … `numbers.length − 1` in row order, as `indexOf` one by one would: on entry
   * `numbers[row]` holds the {@link idHash} of the row's id, `idOf(row)` returns the id itself (undefined when
   * the row has none: numbered -1), and each hash is replaced by the id's number.
   */
  indexAll(numbers: Int32Array, from: number, idOf: (row: number) => string | undefined): void {
    if (from >= numbers.length) return;
    // Sized at once for an eighth as many ids as rows (ids usually have a few rows each): growing step by step
    // from 512 slots allocated as much again in discarded tables (typed-array memory that counts towards the
    // caller's next full garbage collection), and a larger guess would waste memory at 10M rows.
    const expected = (numbers.length - from) >> 3;
    if (this.ascending) this.buildTable(expected);
    else this.reserve(expected);
    let touched = 0;
    for (let base = from; base < numbers.length; base += BATCH) {
      const end = Math.min(numbers.length, base + BATCH);
      // Read each row's first slot and the id it holds before probing any: independent loads, which the
      // processor runs side by side, so the probes below mostly find them in cache.
      if (this.fallback === undefined) {
        const slots = this.slots;
        for (let row = base; row < end; row += 1) {
          const known = slots[2 * (numbers[row]! & this.mask) + 1]!;
          if (known >= 0) touched += this.ids[known]!.length;
        }
      }
      for (let row = base; row < end; row += 1) {
        const id = idOf(row);
        numbers[row] = id === undefined ? -1 : this.probe(id, numbers[row]!);
      }
    }
    this.touched = touched;
  }

  // Written, never read: it keeps the compiler from dropping the reads above, whose results nothing else uses
  // (they are there for their effect on the cache: on 1M shuffled rows, subscriptionIds number in ~0.46 s with
  // them and ~0.72 s without).
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: see above
  private touched = 0;

  private probe(id: string, hash: number): number {
    if (this.fallback !== undefined) return this.viaMap(id, this.fallback);
    const slots = this.slots;
    let slot = hash & this.mask;
    for (let probes = 0; ; probes += 1) {
      const known = slots[2 * slot + 1]!;
      if (known === -1) break;
      if (slots[2 * slot] === hash && this.ids[known] === id) return known;
      if (probes === LONG_PROBE) {
        this.fallback = new Map(this.ids.map((value, index) => [value, index]));
        return this.viaMap(id, this.fallback);
      }
      slot = (slot + 1) & this.mask;
    }
    const index = this.ids.length;
    this.ids.push(id);
    slots[2 * slot] = hash;
    slots[2 * slot + 1] = index;
    if (2 * this.ids.length > this.mask) this.grow();
    return index;
  }

  private viaMap(id: string, map: Map<string, number>): number {
    let index = map.get(id);
    if (index === undefined) {
      index = this.ids.length;
      this.ids.push(id);
      map.set(id, index);
    }
    return index;
  }

  // The table for the ids so far, with room for `expected` ids in all.
  private buildTable(expected = 0): void {
    this.ascending = false;
    let mask = 511;
    while (2 * Math.max(this.ids.length, expected) > mask) mask = 2 * mask + 1;
    this.mask = mask;
    this.slots = new Int32Array(2 * (mask + 1)).fill(-1);
    for (let index = 0; index < this.ids.length; index += 1) {
      if (!this.insert(this.slots, idHash(this.ids[index]!), index)) return;
    }
  }

  // At most half the slots are used, so probes stay short for ordinary ids; growing re-reads the stored hashes
  // instead of rehashing strings.
  private grow(): void {
    this.resize(2 * this.mask + 1);
  }

  private reserve(count: number): void {
    let mask = this.mask;
    while (2 * count > mask) mask = 2 * mask + 1;
    if (mask !== this.mask && this.fallback === undefined) this.resize(mask);
  }

  private resize(mask: number): void {
    const old = this.slots;
    this.mask = mask;
    this.slots = new Int32Array(2 * (this.mask + 1)).fill(-1);
    for (let slot = 0; slot < old.length; slot += 2) {
      if (old[slot + 1] !== -1 && !this.insert(this.slots, old[slot]!, old[slot + 1]!)) return;
    }
  }

  // False (and every id handed to a Map) when a probe runs past LONG_PROBE.
  private insert(slots: Int32Array, hash: number, index: number): boolean {
    let slot = hash & this.mask;
    for (let probes = 0; slots[2 * slot + 1] !== -1; probes += 1) {
      if (probes === LONG_PROBE) {
        this.fallback = new Map(this.ids.map((value, position) => [value, position]));
        return false;
      }
      slot = (slot + 1) & this.mask;
    }
    slots[2 * slot] = hash;
    slots[2 * slot + 1] = index;
    return true;
  }
}

/**
 * Probes after which {@link IdIndex} gives up on its own table.
 *
 * @private
 */
export const LONG_PROBE = 64;

/** Rows probed together by {@link IdIndex.indexAll}. */
const BATCH = 32;

/**
 * The hash {@link IdIndex} files an id under: FNV-1a over UTF-16 code units, a few integer operations per
 * character and no string allocation.
 *
 * @private
 */
export function idHash(text: string): number {
  let hash = 0x811c9dc5 | 0;
  for (let position = 0; position < text.length; position += 1) {
    hash = Math.imul(hash ^ text.charCodeAt(position), 0x01000193);
  }
  // An int32 like the hashes array stores, also for '' (where no Math.imul has run).
  return hash;
}
