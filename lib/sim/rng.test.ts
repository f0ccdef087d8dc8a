import { describe, expect, test } from "vitest";
import { sampleDays } from "./distributions";
import { chance, createRng, pickWeighted, rngFromState } from "./rng";

describe("seeded, splittable PRNG", () => {
  test("the same seed and stream give the same draws", () => {
    const a = createRng(42).split("case-7");
    const b = createRng(42).split("case-7");
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
  });

  test("a stream does not depend on how much another stream was used", () => {
    const root1 = createRng(42);
    const root2 = createRng(42);
    for (let i = 0; i < 1000; i++) root1.split("case-1").next();
    root1.next();
    expect(root1.split("case-2").next()).toBe(root2.split("case-2").next());
  });

  test("different seeds and streams differ", () => {
    expect(createRng(1).next()).not.toBe(createRng(2).next());
    expect(createRng(1).split("a").next()).not.toBe(createRng(1).split("b").next());
  });

  test("a stream resumes exactly from its saved state", () => {
    const a = createRng(5).split("camp-3");
    a.next();
    a.next();
    const resumed = rngFromState(a.state);
    expect(resumed.next()).toBe(a.next());
  });

  test("draws are uniform enough: mean ≈ 0.5, in (0, 1)", () => {
    const rng = createRng("uniformity");
    let sum = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = rng.next();
      expect(x > 0 && x < 1).toBe(true);
      sum += x;
    }
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
  });

  test("chance and weighted picks follow their probabilities", () => {
    const rng = createRng(9);
    let hits = 0;
    const counts = [0, 0, 0];
    for (let i = 0; i < 50_000; i++) {
      if (chance(rng, 0.3)) hits++;
      counts[pickWeighted(rng, [1, 2, 7])]! += 1;
    }
    expect(hits / 50_000).toBeCloseTo(0.3, 1);
    expect(counts.map((c) => c / 50_000)).toEqual([
      expect.closeTo(0.1, 1),
      expect.closeTo(0.2, 1),
      expect.closeTo(0.7, 1),
    ]);
    expect(pickWeighted(rng, [0, 0])).toBe(-1);
  });

  test("a lognormal delay has the median and 90th percentile it was given", () => {
    const rng = createRng(3);
    const draws = Array.from({ length: 40_000 }, () =>
      sampleDays(rng, { kind: "lognormal", median: 30, p90: 90 }),
    ).sort((a, b) => a - b);
    expect(draws[20_000]!).toBeGreaterThan(28);
    expect(draws[20_000]!).toBeLessThan(32);
    expect(draws[36_000]!).toBeGreaterThan(84);
    expect(draws[36_000]!).toBeLessThan(96);
  });
});
