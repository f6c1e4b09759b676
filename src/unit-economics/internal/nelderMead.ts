/**
 * The result of {@link nelderMead}.
 *
 * @private
 */
export interface NelderMeadResult {
  /** The best point found. */
  readonly point: readonly number[];
  /** The objective at `point`. */
  readonly value: number;
  /** Simplex iterations over all restarts. */
  readonly iterations: number;
  /** True if the last restart met the tolerances before `maxIterations`. */
  readonly converged: boolean;
}

/**
 * Settings of {@link nelderMead}.
 *
 * @private
 */
export interface NelderMeadSettings {
  /** Edge length of each fresh simplex around the current best point. */
  readonly step: number;
  /** Stop a run when every vertex value is within this of the best (relative to 1 + |best|). */
  readonly valueTolerance: number;
  /** … and every vertex coordinate is within this of the best vertex. */
  readonly pointTolerance: number;
  /** Iteration limit per run. */
  readonly maxIterations: number;
  /** Most restarts after the first run; restarts stop as soon as one no longer improves the value. */
  readonly maxRestarts: number;
}

/**
 * Minimises `f` by the Nelder–Mead simplex method (reflection 1, expansion 2, contraction ½, shrink ½; Lagarias
 * et al. 1998), restarted from the best point with a fresh simplex until a restart stops improving, which guards
 * against the method's known stalls on a collapsed simplex. `f` may return Infinity to forbid a region.
 *
 * @private
 */
export function nelderMead(
  f: (point: readonly number[]) => number,
  start: readonly number[],
  settings: NelderMeadSettings,
): NelderMeadResult {
  let best = { point: [...start], value: f(start) };
  let iterations = 0;
  let converged = false;
  for (let run = 0; run <= settings.maxRestarts; run += 1) {
    const result = simplexRun(f, best.point, settings);
    iterations += result.iterations;
    converged = result.converged;
    const improvement = best.value - result.value;
    if (result.value <= best.value) best = { point: result.point, value: result.value };
    if (run > 0 && improvement <= settings.valueTolerance * (1 + Math.abs(best.value))) break;
  }
  return { point: best.point, value: best.value, iterations, converged };
}

interface Vertex {
  point: number[];
  value: number;
}

function simplexRun(
  f: (point: readonly number[]) => number,
  start: readonly number[],
  settings: NelderMeadSettings,
): { point: number[]; value: number; iterations: number; converged: boolean } {
  const n = start.length;
  const simplex: Vertex[] = [{ point: [...start], value: f(start) }];
  for (let i = 0; i < n; i += 1) {
    const point = [...start];
    point[i]! += settings.step;
    simplex.push({ point, value: f(point) });
  }
  let iterations = 0;
  for (; iterations < settings.maxIterations; iterations += 1) {
    simplex.sort((a, b) => a.value - b.value);
    const bestVertex = simplex[0]!;
    if (hasConverged(simplex, settings)) {
      return { point: bestVertex.point, value: bestVertex.value, iterations, converged: true };
    }
    const worst = simplex[n]!;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i += 1) {
      for (let j = 0; j < n; j += 1) centroid[j]! += simplex[i]!.point[j]! / n;
    }
    const along = (coefficient: number): Vertex => {
      const point = centroid.map((c, j) => c + coefficient * (c - worst.point[j]!));
      return { point, value: f(point) };
    };
    const reflected = along(1);
    if (reflected.value < bestVertex.value) {
      const expanded = along(2);
      simplex[n] = expanded.value < reflected.value ? expanded : reflected;
    } else if (reflected.value < simplex[n - 1]!.value) {
      simplex[n] = reflected;
    } else {
      const outside = reflected.value < worst.value;
      const contracted = along(outside ? 0.5 : -0.5);
      if (contracted.value < (outside ? reflected.value : worst.value)) {
        simplex[n] = contracted;
      } else {
        for (let i = 1; i <= n; i += 1) {
          const point = simplex[i]!.point.map(
            (x, j) => bestVertex.point[j]! + 0.5 * (x - bestVertex.point[j]!),
          );
          simplex[i] = { point, value: f(point) };
        }
      }
    }
  }
  simplex.sort((a, b) => a.value - b.value);
  return { point: simplex[0]!.point, value: simplex[0]!.value, iterations, converged: false };
}

function hasConverged(simplex: readonly Vertex[], settings: NelderMeadSettings): boolean {
  const best = simplex[0]!;
  const valueScale = settings.valueTolerance * (1 + Math.abs(best.value));
  for (const vertex of simplex) {
    if (!(Math.abs(vertex.value - best.value) <= valueScale)) return false;
    for (let j = 0; j < best.point.length; j += 1) {
      if (Math.abs(vertex.point[j]! - best.point[j]!) > settings.pointTolerance) return false;
    }
  }
  return true;
}
