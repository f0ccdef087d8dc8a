/**
 * A seeded, splittable, counter-based pseudo-random number generator: one
 * independent stream per case and per institution, so one player's choice
 * does not reshuffle every other case (../shared/architecture.md §3).
 *
 * Draw k of a stream is a hash of (seed, stream, k) — no hidden state — so a
 * stream is saved and restored as three numbers, and streams never drift
 * into each other. The hash is lowbias32 (Chris Wellons), 32-bit integer
 * arithmetic only, so results are the same on every platform. Not
 * cryptographic.
 */
export type Rng = {
  /** Uniform in (0, 1). */
  next(): number;
  /** A child stream whose draws do not depend on how much this one has been used. */
  split(name: string | number): Rng;
  /** Where the stream is, to persist and resume it. */
  readonly state: RngState;
};
export type RngState = { seed: number; stream: number; counter: number };

export function mix32(input: number): number {
  let x = input | 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** A 32-bit hash of a string (FNV-1a, then mixed). */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return mix32(h);
}

/** The seed a user types (a number or any text) as a 32-bit integer. */
export function seedOf(seed: number | string): number {
  return typeof seed === "number" && Number.isInteger(seed) ? mix32(seed ^ 0x5bd1e995) : hashString(String(seed));
}

/** The k-th uniform draw of a stream, in (0, 1). */
export function uniformAt(seed: number, stream: number, counter: number): number {
  return uniformOfKey(streamKey(seed, stream), counter);
}

/**
 * The part of every draw of a stream that does not depend on the counter:
 * a run that draws often from one stream computes it once (uniformOfKey).
 */
export function streamKey(seed: number, stream: number): number {
  return mix32(seed ^ mix32(stream));
}

/** The k-th uniform draw of the stream with this streamKey: uniformAt(seed, stream, k). */
export function uniformOfKey(key: number, counter: number): number {
  return (mix32(key + Math.imul(counter, 0x9e3779b9)) + 0.5) / 4294967296;
}

export function childStream(stream: number, name: string | number): number {
  return childStreamOfHash(stream, typeof name === "number" ? mix32(name + 0x632be5ab) : hashString(name));
}

/** childStream(stream, name) given the name's hash (hashString(name)), for a name used on every case. */
export function childStreamOfHash(stream: number, nameHash: number): number {
  return mix32(stream ^ nameHash);
}

export function rngFromState(state: RngState): Rng {
  let counter = state.counter;
  return {
    next: () => uniformAt(state.seed, state.stream, counter++),
    split: (name) => rngFromState({ seed: state.seed, stream: childStream(state.stream, name), counter: 0 }),
    get state() {
      return { seed: state.seed, stream: state.stream, counter };
    },
  };
}

export function createRng(seed: number | string, stream = "root"): Rng {
  return rngFromState({ seed: seedOf(seed), stream: hashString(stream), counter: 0 });
}

/** True with probability p. */
export function chance(rng: Rng, p: number): boolean {
  return rng.next() < p;
}

/** An index drawn with the given non-negative weights; -1 if they sum to zero. */
export function pickWeighted(rng: Rng, weights: ArrayLike<number>): number {
  const total = weightTotal(weights);
  return total > 0 ? pickWithDraw(weights, total, rng.next()) : -1;
}

/** The sum of the weights: pickWeighted draws nothing when it is zero. */
export function weightTotal(weights: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i]!;
  return total;
}

/**
 * pickWeighted's choice given its draw `u` and the weights' positive total:
 * for a caller that draws from a stream of its own without an Rng object
 * (the engine's per-case streams, on every step).
 */
export function pickWithDraw(weights: ArrayLike<number>, total: number, u: number): number {
  let x = u * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i] ?? 0;
    if (x < 0) return i;
  }
  return weights.length - 1;
}

/** A standard normal draw (Box–Muller). */
export function normal(rng: Rng): number {
  const u = rng.next();
  const v = rng.next();
  return normalOfDraws(u, v);
}

/** The standard normal value Box–Muller makes of two uniform draws, `u` drawn first. */
export function normalOfDraws(u: number, v: number): number {
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
