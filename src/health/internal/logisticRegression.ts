/**
 * Settings of {@link fitNonNegativeLogistic}; every field is required because the caller has validated them.
 *
 * @private
 */
export interface LogisticFitOptions {
  /** The L2 penalty λ > 0 on the coefficients (not on the intercept). */
  readonly l2: number;
  /** Stop when every projected-gradient component is at most `tolerance × n` in absolute value. */
  readonly tolerance: number;
  /** Newton iterations allowed. */
  readonly maxIterations: number;
}

/**
 * The fitted model, doubles.
 *
 * @private
 */
export interface LogisticFit {
  readonly intercept: number;
  /** β ≥ 0, one per column. */
  readonly coefficients: number[];
  /** The penalised negative log-likelihood at the returned parameters. */
  readonly objective: number;
  /** True when the projected-gradient test passed within `maxIterations`. */
  readonly converged: boolean;
  /** Newton iterations taken (0 when the starting point already satisfied the test). */
  readonly iterations: number;
}

/**
 * Fits P(y = 1 | x) = σ(b₀ + Σⱼ βⱼ·xⱼ) with βⱼ ≥ 0 by minimising the penalised negative log-likelihood
 * f(b₀, β) = Σᵢ [log(1 + e^ηᵢ) − yᵢ·ηᵢ] + λ/2·Σⱼ βⱼ², ηᵢ = b₀ + xᵢ·β, intercept unpenalised. With λ > 0 and both
 * outcomes present f is strictly convex and coercive, so the minimiser exists and is unique.
 *
 * Formula: Bertsekas's projected Newton method (1982): coefficients at the bound with a positive gradient (the
 * ε-active set) take a diagonally scaled gradient step, the others a Newton step on their block of the Hessian
 * Xᵀ·diag(p(1 − p))·X + λI, and the step is P(θ + α·d) (P clips β at 0) with α halved until Armijo's
 * condition holds; it stops when the projected gradient (∂f for a free parameter, min(∂f, 0) for β at 0) is at
 * most tolerance × n in every component. Starts from b₀ = logit(ȳ), β = 0.
 * Units: doubles; the coefficients are log-odds per unit of each column.
 * Source: Bertsekas, D. P. (1982), "Projected Newton methods for optimization problems with simple
 * constraints", SIAM J. Control Optim. 20(2); the objective is the ridge logistic regression of
 * le Cessie & van Houwelingen (1992), "Ridge estimators in logistic regression" (docs/health.md).
 * Edge cases: the caller guarantees rows of equal length, finite values, λ > 0 and both outcomes present; a
 * Cholesky pivot that rounding makes non-positive is floored, so every direction stays a descent direction.
 *
 * @private
 */
export function fitNonNegativeLogistic(
  x: readonly (readonly number[])[],
  y: readonly boolean[],
  options: LogisticFitOptions,
): LogisticFit {
  const n = y.length;
  const p = x[0]!.length;
  const size = p + 1;
  const positives = y.reduce((count, outcome) => count + (outcome ? 1 : 0), 0);
  const theta = new Float64Array(size);
  theta[0] = Math.log(positives / (n - positives));
  const state = evaluate(x, y, theta, options.l2);
  let iterations = 0;
  let converged = false;
  for (;;) {
    const projected = projectedGradient(theta, state.gradient);
    if (maxAbs(projected) <= options.tolerance * n) {
      converged = true;
      break;
    }
    if (iterations === options.maxIterations) break;
    iterations += 1;

    // ε-active set: coefficients at (or within ε of) the bound whose gradient pushes them further down.
    const epsilon = Math.min(1e-3, norm(projectedStep(theta, state.gradient)));
    const active = Array.from(
      { length: size },
      (_, j) => j > 0 && theta[j]! <= epsilon && state.gradient[j]! > 0,
    );
    const direction = searchDirection(state.hessian, state.gradient, active);
    const f0 = state.objective;
    // Armijo along the projection arc. Rounding of the objective (a sum of n terms) makes decreases below
    // ~1e-14·|f| unmeasurable, so such a step counts as acceptable: it is then one of the last Newton steps.
    const slack = 1e-14 * Math.abs(f0);
    let step = 1;
    let trial = clip(theta, direction, step);
    let next = evaluate(x, y, trial, options.l2);
    while (
      step > 2 ** -60 &&
      f0 - next.objective < armijo(theta, trial, direction, state.gradient, active, step) - slack
    ) {
      step /= 2;
      trial = clip(theta, direction, step);
      next = evaluate(x, y, trial, options.l2);
    }
    theta.set(trial);
    Object.assign(state, next);
  }
  return {
    intercept: theta[0]!,
    coefficients: Array.from(theta.subarray(1)),
    objective: state.objective,
    converged,
    iterations,
  };
}

/**
 * The penalised negative log-likelihood f(b₀, β) of {@link fitNonNegativeLogistic}, computed stably.
 *
 * @private
 */
export function logisticObjective(
  x: readonly (readonly number[])[],
  y: readonly boolean[],
  intercept: number,
  coefficients: readonly number[],
  l2: number,
): number {
  let total = 0;
  for (let i = 0; i < y.length; i += 1) {
    const eta = linear(x[i]!, intercept, coefficients);
    total += softplus(eta) - (y[i] ? eta : 0);
  }
  return total + (l2 / 2) * coefficients.reduce((sum, beta) => sum + beta * beta, 0);
}

const SIGMA = 1e-4;

interface Evaluation {
  objective: number;
  gradient: Float64Array;
  /** Row-major (p + 1) × (p + 1), parameter 0 the intercept. */
  hessian: Float64Array;
}

function evaluate(
  x: readonly (readonly number[])[],
  y: readonly boolean[],
  theta: Float64Array,
  l2: number,
): Evaluation {
  const size = theta.length;
  const coefficients = theta.subarray(1);
  const gradient = new Float64Array(size);
  const hessian = new Float64Array(size * size);
  let objective = 0;
  for (let i = 0; i < y.length; i += 1) {
    const row = x[i]!;
    const eta = linear(row, theta[0]!, coefficients);
    objective += softplus(eta) - (y[i] ? eta : 0);
    const probability = sigmoid(eta);
    const residual = probability - (y[i] ? 1 : 0);
    const weight = probability * (1 - probability);
    for (let j = 0; j < size; j += 1) {
      const xj = j === 0 ? 1 : row[j - 1]!;
      gradient[j]! += residual * xj;
      for (let k = 0; k <= j; k += 1) hessian[j * size + k]! += weight * xj * (k === 0 ? 1 : row[k - 1]!);
    }
  }
  for (let j = 1; j < size; j += 1) {
    objective += (l2 / 2) * theta[j]! * theta[j]!;
    gradient[j]! += l2 * theta[j]!;
    hessian[j * size + j]! += l2;
  }
  for (let j = 0; j < size; j += 1) {
    for (let k = 0; k < j; k += 1) hessian[k * size + j] = hessian[j * size + k]!;
  }
  return { objective, gradient, hessian };
}

// Newton on the free block (Cholesky), scaled gradient on the active coefficients.
function searchDirection(
  hessian: Float64Array,
  gradient: Float64Array,
  active: readonly boolean[],
): Float64Array {
  const size = gradient.length;
  const direction = new Float64Array(size);
  const free: number[] = [];
  for (let j = 0; j < size; j += 1) {
    if (active[j]) direction[j] = -gradient[j]! / hessian[j * size + j]!;
    else free.push(j);
  }
  const m = free.length;
  const lower = new Float64Array(m * m);
  let largest = 0;
  for (const j of free) largest = Math.max(largest, hessian[j * size + j]!);
  const floor = largest * 1e-13;
  for (let a = 0; a < m; a += 1) {
    for (let b = 0; b <= a; b += 1) {
      let sum = hessian[free[a]! * size + free[b]!]!;
      for (let c = 0; c < b; c += 1) sum -= lower[a * m + c]! * lower[b * m + c]!;
      lower[a * m + b] = a === b ? Math.sqrt(Math.max(sum, floor)) : sum / lower[b * m + b]!;
    }
  }
  const solution = new Float64Array(m);
  for (let a = 0; a < m; a += 1) {
    let sum = -gradient[free[a]!]!;
    for (let c = 0; c < a; c += 1) sum -= lower[a * m + c]! * solution[c]!;
    solution[a] = sum / lower[a * m + a]!;
  }
  for (let a = m - 1; a >= 0; a -= 1) {
    let sum = solution[a]!;
    for (let c = a + 1; c < m; c += 1) sum -= lower[c * m + a]! * solution[c]!;
    solution[a] = sum / lower[a * m + a]!;
  }
  free.forEach((j, a) => {
    direction[j] = solution[a]!;
  });
  return direction;
}

// Bertsekas's sufficient decrease: α·Σ_free −g·d plus Σ_active g·(θ − θ(α)).
function armijo(
  theta: Float64Array,
  trial: Float64Array,
  direction: Float64Array,
  gradient: Float64Array,
  active: readonly boolean[],
  step: number,
): number {
  let decrease = 0;
  for (let j = 0; j < theta.length; j += 1) {
    decrease += active[j] ? gradient[j]! * (theta[j]! - trial[j]!) : -step * gradient[j]! * direction[j]!;
  }
  return SIGMA * decrease;
}

function clip(theta: Float64Array, direction: Float64Array, step: number): Float64Array {
  const trial = new Float64Array(theta.length);
  for (let j = 0; j < theta.length; j += 1) {
    const value = theta[j]! + step * direction[j]!;
    trial[j] = j === 0 ? value : Math.max(0, value);
  }
  return trial;
}

function projectedGradient(theta: Float64Array, gradient: Float64Array): Float64Array {
  return gradient.map((g, j) => (j > 0 && theta[j] === 0 ? Math.min(g, 0) : g));
}

// θ − P(θ − ∇f): zero exactly at a KKT point.
function projectedStep(theta: Float64Array, gradient: Float64Array): Float64Array {
  return theta.map((value, j) => (j === 0 ? gradient[0]! : value - Math.max(0, value - gradient[j]!)));
}

function linear(row: readonly number[], intercept: number, coefficients: ArrayLike<number>): number {
  let eta = intercept;
  for (let j = 0; j < coefficients.length; j += 1) eta += coefficients[j]! * row[j]!;
  return eta;
}

// log(1 + e^η) without overflow.
function softplus(eta: number): number {
  return eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
}

function sigmoid(eta: number): number {
  if (eta >= 0) return 1 / (1 + Math.exp(-eta));
  const e = Math.exp(eta);
  return e / (1 + e);
}

function maxAbs(values: Float64Array): number {
  return values.reduce((largest, value) => Math.max(largest, Math.abs(value)), 0);
}

function norm(values: Float64Array): number {
  return Math.sqrt(values.reduce((sum, value) => sum + value * value, 0));
}
