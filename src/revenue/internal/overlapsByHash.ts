/**
 * The overlap check of the subscription validator for rows whose subscriptionIds arrive in no order, done
 * without numbering the ids: rows are grouped by a hash of their subscriptionId, and only rows whose hashes are
 * equal and whose dates overlap are ever compared as strings.
 *
 * Rows of one subscription share a hash, so they share a group. Within a group ordered by start day (ties in
 * row order, as in the exact check), if two rows of one subscription overlap, the earlier of them also overlaps
 * the row right after it: that row starts no later than the later one, which starts before the earlier one
 * ends. So a group with no overlapping neighbours holds no overlap of any subscription, whatever other ids
 * share its hash, and only groups with overlapping neighbours are looked at again, id by id.
 *
 * `exactCheck` is the check by subscription numbers (`assertNoOverlappingSubscriptions`): it is called when an
 * overlap is found, so the error is the one that check reports (the first overlap in order of first appearance),
 * and when a group of equal hashes is too long to sort out id by id (ids crafted to collide). Numbering a
 * million shuffled subscriptionIds took longer than this whole check, because each lookup reads a string that
 * lies wherever its row was parsed; here rows are read in order and written to their group.
 *
 * `hash[row]` is a non-negative hash of the row's subscriptionId, or -1 when the row has none or covers no day
 * (start = end: a zero-length period overlaps nothing, and is left out as the exact check leaves it out);
 * `sameSubscription(a, b)` says whether rows `a` and `b` hold the same id.
 *
 * @private
 */
export function checkOverlapsByHash(
  hash: Int32Array,
  startDay: Int32Array,
  endDay: Int32Array,
  sameSubscription: (a: number, b: number) => boolean,
  exactCheck: () => void,
): void {
  const length = hash.length;
  // About ROWS_PER_BUCKET rows per bucket: the counts stay in cache, and buckets are sorted by insertion.
  let mask = 0;
  while (mask + 1 < length / ROWS_PER_BUCKET) mask = 2 * mask + 1;
  const offsets = new Int32Array(mask + 2);
  for (let row = 0; row < length; row += 1) {
    if (hash[row]! >= 0) offsets[(hash[row]! & mask) + 1]! += 1;
  }
  let largest = 0;
  for (let bucket = 0; bucket <= mask; bucket += 1) {
    if (offsets[bucket + 1]! > largest) largest = offsets[bucket + 1]!;
    offsets[bucket + 1]! += offsets[bucket]!;
  }
  const count = offsets[mask + 1]!;
  if (largest < 2) return;
  // One pass in row order that writes each row's hash, days and index to its bucket: scattered writes do not
  // stall the loop as scattered reads would, each bucket's rows stay in row order, and a row's four values share
  // one cache line (entry `p` is `entries[4p … 4p + 3]`).
  const entries = new Int32Array(4 * count);
  const fill = offsets.slice(0, mask + 1);
  for (let row = 0; row < length; row += 1) {
    const rowHash = hash[row]!;
    if (rowHash < 0) continue;
    const entry = 4 * fill[rowHash & mask]!;
    fill[rowHash & mask]! += 1;
    entries[entry] = rowHash;
    entries[entry + 1] = startDay[row]!;
    entries[entry + 2] = endDay[row]!;
    entries[entry + 3] = row;
  }
  const order = new Int32Array(largest);
  for (let bucket = 0; bucket <= mask; bucket += 1) {
    const from = offsets[bucket]!;
    const size = offsets[bucket + 1]! - from;
    if (size < 2) continue;
    sortBucket(entries, order, from, size);
    let runStart = 0;
    let suspect = false;
    for (let index = 1; index <= size; index += 1) {
      const previous = 4 * order[index - 1]!;
      if (index < size && entries[4 * order[index]!] === entries[previous]) {
        if (entries[previous + 2]! > entries[4 * order[index]! + 1]!) suspect = true;
        continue;
      }
      if (suspect && overlapIn(entries, order, runStart, index, sameSubscription) !== false) {
        exactCheck();
        return;
      }
      runStart = index;
      suspect = false;
    }
  }
}

/** Rows per bucket of {@link checkOverlapsByHash}, on average. */
const ROWS_PER_BUCKET = 8;
/** The longest run of equal hashes sorted out id by id; a longer one goes to the exact check. */
const LONGEST_RESOLVED_RUN = 64;

// Fills order[0 … size − 1] with the bucket's entries from `from` on, ordered by hash, then start day, then
// position (positions ascend with rows, so ties fall in row order). Small buckets are sorted by insertion, large
// ones (a subscription with many periods) by a heap sort in place: sorting a copy allocated ~4 MB per 1M rows.
function sortBucket(entries: Int32Array, order: Int32Array, from: number, size: number): void {
  for (let index = 0; index < size; index += 1) order[index] = from + index;
  if (size > 32) {
    for (let root = (size >> 1) - 1; root >= 0; root -= 1) siftDown(entries, order, root, size);
    for (let end = size - 1; end > 0; end -= 1) {
      const first = order[0]!;
      order[0] = order[end]!;
      order[end] = first;
      siftDown(entries, order, 0, end);
    }
    return;
  }
  for (let index = 1; index < size; index += 1) {
    const position = order[index]!;
    let earlier = index - 1;
    for (; earlier >= 0 && after(entries, order[earlier]!, position); earlier -= 1) {
      order[earlier + 1] = order[earlier]!;
    }
    order[earlier + 1] = position;
  }
}

// Whether entry `a` sorts after entry `b`: by hash, then start day, then position.
function after(entries: Int32Array, a: number, b: number): boolean {
  const hashA = entries[4 * a]!;
  const hashB = entries[4 * b]!;
  if (hashA !== hashB) return hashA > hashB;
  const startA = entries[4 * a + 1]!;
  const startB = entries[4 * b + 1]!;
  return startA !== startB ? startA > startB : a > b;
}

function siftDown(entries: Int32Array, order: Int32Array, root: number, size: number): void {
  for (let parent = root; ; ) {
    let largest = parent;
    const left = 2 * parent + 1;
    if (left < size && after(entries, order[left]!, order[largest]!)) largest = left;
    if (left + 1 < size && after(entries, order[left + 1]!, order[largest]!)) largest = left + 1;
    if (largest === parent) return;
    const moved = order[parent]!;
    order[parent] = order[largest]!;
    order[largest] = moved;
    parent = largest;
  }
}

// Whether some subscription among the entries order[from … to − 1] (one hash, in start order) has two
// neighbouring rows that overlap, as the exact check compares them; undefined when the run is too long to tell.
function overlapIn(
  entries: Int32Array,
  order: Int32Array,
  from: number,
  to: number,
  sameSubscription: (a: number, b: number) => boolean,
): boolean | undefined {
  if (to - from > LONGEST_RESOLVED_RUN) return undefined;
  const firstRows: number[] = [];
  const lastEnds: number[] = [];
  for (let index = from; index < to; index += 1) {
    const entry = 4 * order[index]!;
    const row = entries[entry + 3]!;
    const id = firstRows.findIndex((first) => sameSubscription(first, row));
    if (id < 0) {
      firstRows.push(row);
      lastEnds.push(entries[entry + 2]!);
      continue;
    }
    if (lastEnds[id]! > entries[entry + 1]!) return true;
    lastEnds[id] = entries[entry + 2]!;
  }
  return false;
}
