/**
 * Numbers distinct strings 0, 1, 2 … in order of first appearance: `indexOf(id)` returns the id's number,
 * adding it if new; `ids[n]` is the string numbered `n`.
 *
 * The mrrMovements validator numbers every customerId and subscriptionId of up to millions of rows, where a
 * `Map` spent most of its time growing, rehashing and missing the cache. Exports are often sorted by id: while
 * every new id sorts after the last one it cannot have been seen, so it is numbered without hashing; the first
 * id out of order builds the table. The table is open addressing with linear probing and the ids' hashes in a
 * typed array (growing re-reads them instead of rehashing strings). Ids crafted to collide could make probing
 * quadratic, so a probe longer than {@link LONG_PROBE} hands every id to a `Map` instead.
 *
 * @private
 */
export class IdIndex {
  /** The distinct ids, in order of first appearance. */
  readonly ids: string[] = [];
  private hashes = new Int32Array(256);
  private slots = new Int32Array(512).fill(-1);
  private mask = 511;
  private fallback: Map<string, number> | undefined;
  /** True while the ids arrived in ascending order and the table is not built. */
  private ascending = true;

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
    if (this.fallback !== undefined) return this.viaMap(id, this.fallback);
    const hash = fnv1a(id);
    let slot = hash & this.mask;
    for (let probes = 0; ; probes += 1) {
      const known = this.slots[slot]!;
      if (known === -1) break;
      if (this.hashes[known] === hash && this.ids[known] === id) return known;
      if (probes === LONG_PROBE) {
        this.fallback = new Map(this.ids.map((value, index) => [value, index]));
        return this.viaMap(id, this.fallback);
      }
      slot = (slot + 1) & this.mask;
    }
    const index = this.ids.length;
    this.ids.push(id);
    if (index === this.hashes.length) {
      const hashes = new Int32Array(2 * index);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.hashes[index] = hash;
    this.slots[slot] = index;
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

  private buildTable(): void {
    this.ascending = false;
    this.hashes = new Int32Array(Math.max(256, this.ids.length));
    for (let index = 0; index < this.ids.length; index += 1) this.hashes[index] = fnv1a(this.ids[index]!);
    this.mask = 511;
    while (2 * this.ids.length > this.mask) this.mask = 2 * this.mask + 1;
    this.mask = (this.mask - 1) / 2;
    this.grow();
  }

  // At most half the slots are used, so probes stay short for ordinary ids.
  private grow(): void {
    this.mask = 2 * this.mask + 1;
    const slots = new Int32Array(this.mask + 1).fill(-1);
    for (let index = 0; index < this.ids.length; index += 1) {
      let slot = this.hashes[index]! & this.mask;
      for (let probes = 0; slots[slot] !== -1; probes += 1) {
        if (probes === LONG_PROBE) {
          this.fallback = new Map(this.ids.map((value, position) => [value, position]));
          return;
        }
        slot = (slot + 1) & this.mask;
      }
      slots[slot] = index;
    }
    this.slots = slots;
  }
}

/**
 * Probes after which {@link IdIndex} gives up on its own table.
 *
 * @private
 */
export const LONG_PROBE = 64;

// FNV-1a over UTF-16 code units: a few integer operations per character, and no string allocation.
function fnv1a(text: string): number {
  let hash = 0x811c9dc5 | 0;
  for (let position = 0; position < text.length; position += 1) {
    hash = Math.imul(hash ^ text.charCodeAt(position), 0x01000193);
  }
  // An int32 like the hashes array stores, also for '' (where no Math.imul has run).
  return hash;
}
