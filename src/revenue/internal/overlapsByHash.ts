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
 * `hash[row]` is a non-negative hash of the row's subscriptionId, or -1 when the row has none;
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
  // stall the loop as scattered reads would, and each bucket's rows stay in row order.
  const hashes = new Int32Array(count);
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  const rows = new Int32Array(count);
  const fill = offsets.slice(0, mask + 1);
  for (let row = 0; row < length; row += 1) {
    const rowHash = hash[row]!;
    if (rowHash < 0) continue;
    const position = fill[rowHash & mask]!;
    fill[rowHash & mask] = position + 1;
    hashes[position] = rowHash;
    starts[position] = startDay[row]!;
    ends[position] = endDay[row]!;
    rows[position] = row;
  }
  const order = new Int32Array(largest);
  const group = { hashes, starts, ends, rows, order };
  for (let bucket = 0; bucket <= mask; bucket += 1) {
    const from = offsets[bucket]!;
    const size = offsets[bucket + 1]! - from;
    if (size < 2) continue;
    sortBucket(group, from, size);
    let runStart = 0;
    let suspect = false;
    for (let index = 1; index <= size; index += 1) {
      const previous = order[index - 1]!;
      if (index < size && hashes[order[index]!] === hashes[previous]) {
        if (ends[previous]! > starts[order[index]!]!) suspect = true;
        continue;
      }
      if (suspect && overlapIn(group, runStart, index, sameSubscription) !== false) {
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

interface BucketRows {
  readonly hashes: Int32Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly rows: Int32Array;
  /** `order[0 … size − 1]`: the bucket's positions ordered by hash, then start day, then row. */
  readonly order: Int32Array;
}

function sortBucket({ hashes, starts, order }: BucketRows, from: number, size: number): void {
  for (let index = 0; index < size; index += 1) order[index] = from + index;
  // Positions ascend with rows, so a stable sort by (hash, start) breaks ties in row order.
  if (size > 32) {
    const sorted = Array.from(order.subarray(0, size)).sort(
      (a, b) => hashes[a]! - hashes[b]! || starts[a]! - starts[b]! || a - b,
    );
    order.set(sorted);
    return;
  }
  for (let index = 1; index < size; index += 1) {
    const position = order[index]!;
    const hash = hashes[position]!;
    const start = starts[position]!;
    let earlier = index - 1;
    for (; earlier >= 0; earlier -= 1) {
      const other = order[earlier]!;
      if (hashes[other]! < hash || (hashes[other] === hash && starts[other]! <= start)) break;
      order[earlier + 1] = other;
    }
    order[earlier + 1] = position;
  }
}

// Whether some subscription among order[from … to − 1] (one hash, in start order) has two neighbouring rows that
// overlap, as the exact check compares them; undefined when the run is too long to tell here.
function overlapIn(
  { starts, ends, rows, order }: BucketRows,
  from: number,
  to: number,
  sameSubscription: (a: number, b: number) => boolean,
): boolean | undefined {
  if (to - from > LONGEST_RESOLVED_RUN) return undefined;
  const firsts: number[] = [];
  const lastEnds: number[] = [];
  for (let index = from; index < to; index += 1) {
    const position = order[index]!;
    const id = firsts.findIndex((first) => sameSubscription(rows[first]!, rows[position]!));
    if (id < 0) {
      firsts.push(position);
      lastEnds.push(ends[position]!);
      continue;
    }
    if (lastEnds[id]! > starts[position]!) return true;
    lastEnds[id] = ends[position]!;
  }
  return false;
}
