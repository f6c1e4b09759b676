/**
 * Largest-remainder apportionment: adds `remaining` whole units (or removes them, when negative) to `units`,
 * where `exact[i]` is the unrounded amount and `units[i]` starts at floor(exact[i]). Units go to the largest
 * fractional remainders first (removals to the smallest, never below 0), one per leaf per pass, earlier leaf on
 * ties. Only the first `count` entries are used; `exact` is overwritten.
 *
 * @private
 */
export function apportionUnits(
  exact: Float64Array,
  units: Float64Array,
  count: number,
  remaining: number,
): void {
  // exact[] becomes each leaf's fractional remainder; a leaf that got its unit this pass is marked taken (-1 when
  // adding, +Infinity when removing). Normally 0 <= remaining <= count; the other cases guard float corner cases.
  for (let index = 0; index < count; index += 1) exact[index] = exact[index]! - units[index]!;
  let left = remaining;
  while (left !== 0) {
    const adding = left > 0;
    let pick = -1;
    for (let index = 0; index < count; index += 1) {
      const rest = exact[index]!;
      if (adding ? rest < 0 : rest === Number.POSITIVE_INFINITY || units[index]! <= 0) continue;
      if (pick < 0 || (adding ? rest > exact[pick]! : rest < exact[pick]!)) pick = index;
    }
    if (pick < 0) {
      exact.fill(0, 0, count);
      continue;
    }
    units[pick]! += adding ? 1 : -1;
    exact[pick] = adding ? -1 : Number.POSITIVE_INFINITY;
    left += adding ? -1 : 1;
  }
}
