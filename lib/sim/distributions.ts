import { z } from "zod";
import { normalOfDraws, type Rng } from "./rng";

/**
 * Named delay distributions, in simulated days. Scenarios give each delay a
 * distribution and a source key (or mark it invented).
 * - `fixed`: always `days`.
 * - `uniform`: between `min` and `max`.
 * - `lognormal`: right-skewed waits given by their median and 90th
 *   percentile, the two figures a historian can usually estimate.
 */
export const distributionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("fixed"), days: z.number().nonnegative() }),
  z
    .object({ kind: z.literal("uniform"), min: z.number().nonnegative(), max: z.number().nonnegative() })
    .refine((d) => d.max >= d.min, {
      message: "max must be at least min",
    }),
  z
    .object({ kind: z.literal("lognormal"), median: z.number().positive(), p90: z.number().positive() })
    .refine((d) => d.p90 >= d.median, { message: "p90 must be at least the median" }),
]);
export type Distribution = z.infer<typeof distributionSchema>;

const Z90 = 1.2815515655446004;

/** How many uniform draws a sample of `d` takes: none, `u`, or `u` then `v` (daysFromDraws). */
export function drawCount(d: Distribution): number {
  return d.kind === "fixed" ? 0 : d.kind === "uniform" ? 1 : 2;
}

/**
 * The days a sample of `d` comes to, given its uniform draws in the order
 * they are drawn (drawCount of them; pass 0 for the others). The one place
 * the distributions' arithmetic lives: sampleDays draws through an Rng, and
 * the engine draws its cases' streams by hand (WorldCore.sample) so that
 * no Rng object, call through it or boxed number stands between a draw and
 * the sample (measured on a national run); both give the same days.
 */
export function daysFromDraws(d: Distribution, u: number, v: number): number {
  switch (d.kind) {
    case "fixed":
      return d.days;
    case "uniform":
      return d.min + u * (d.max - d.min);
    case "lognormal": {
      const sigma = Math.log(d.p90 / d.median) / Z90;
      return d.median * Math.exp(sigma * normalOfDraws(u, v));
    }
  }
}

export function sampleDays(rng: Rng, d: Distribution): number {
  const draws = drawCount(d);
  const u = draws > 0 ? rng.next() : 0;
  const v = draws > 1 ? rng.next() : 0;
  return daysFromDraws(d, u, v);
}
