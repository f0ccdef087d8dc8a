import { z } from "zod";
import { normal, type Rng } from "./rng";

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

export function sampleDays(rng: Rng, d: Distribution): number {
  switch (d.kind) {
    case "fixed":
      return d.days;
    case "uniform":
      return d.min + rng.next() * (d.max - d.min);
    case "lognormal": {
      const sigma = Math.log(d.p90 / d.median) / Z90;
      return d.median * Math.exp(sigma * normal(rng));
    }
  }
}
