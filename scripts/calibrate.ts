/**
 * `npm run calibrate [-- --seeds 10]`: every scenario's headline figures
 * beside the simulated mean ± sd over several seeds (the national scenario
 * included, so it takes a minute). The same comparison, on provincial
 * scenarios and three seeds, is a test in lib/sim/engine.test.ts.
 */
import { runScenario } from "@/lib/sim/engine";
import { metric, releasedCases } from "@/lib/sim/metrics";
import { SCENARIOS } from "@/lib/sim/scenarios";

const seedsArg = process.argv.indexOf("--seeds");
const seedCount = seedsArg >= 0 ? Number(process.argv[seedsArg + 1]) : 5;
const seeds = Array.from({ length: seedCount }, (_, k) => k + 1);
const fmt = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(3));

console.log(`| scenario | historical figure | target | simulated mean ± sd (${seedCount} seeds) | within tolerance |`);
console.log("|---|---|---|---|---|");
for (const scenario of SCENARIOS) {
  const runs = seeds.map((seed) => runScenario(scenario, seed));
  for (const c of scenario.compare) {
    const values = runs.map((r) => metric(r, c.metric));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, values.length - 1));
    const ok = Math.abs(mean - c.value) <= c.tolerance ? "yes" : "NO";
    console.log(
      `| ${scenario.id} | ${c.label} [${c.source}] | ${fmt(c.value)} ± ${fmt(c.tolerance)} | ${fmt(mean)} ± ${fmt(sd)} | ${ok} |`,
    );
  }
  if (scenario.id === "national-1954") {
    const released = runs.map(releasedCases);
    console.error(`national-1954 released per seed: ${released.join(", ")}`);
  }
}
