/**
 * `npm run bench`: the batch engine on 10k, 20k, 100k cases and the national
 * scenario (467,946 cases), with wall time, events/s and peak RSS; then the
 * same figures for a plain hand-written reference stepper of the same graph
 * (lib/sim/case-reducer.ts, no engine, no queue) in this process, and the
 * ratio. Targets: national ≤ 5 s and ≤ 2 GB; 20k ≤ 300 ms. Last, the 1945
 * amnesty's day-by-day engine on its national population (1,565,442
 * prisoners) and a sampled camp (lib/sim/amnesty/engine.ts).
 * Figures only: nothing here fails a build.
 */
import type { CaseEvent, CaseInput } from "@/machines/case-setup";
import { initialCaseContext } from "@/machines/case-setup";
import { reduceCase } from "@/lib/sim/case-reducer";
import { World } from "@/lib/sim/engine";
import { ROLE_CARD_CASES } from "@/machines/role-cards";
import { findScenario } from "@/lib/sim/scenarios";
import { runAmnesty } from "@/lib/sim/amnesty/engine";
import { AMNESTY_1945 } from "@/lib/sim/amnesty/scenarios";

const national = findScenario("national-1954")!;
/**
 * Runs in this order, in one process: 20k cold (the first run fills the
 * memo of case transitions), 10k, 100k, the national caseload, then 20k
 * again, warm, as in the what-if lab's worker, which keeps its memo between
 * runs (results never depend on the memo, only speed does).
 */
const RUNS: { label: string; cases: number; seed: number }[] = process.argv[2]
  ? process.argv[2].split(",").map((n, k) => ({ label: n, cases: Number(n), seed: k + 1 }))
  : [
      { label: "20000 cold", cases: 20_000, seed: 1 },
      { label: "10000", cases: 10_000, seed: 3 },
      { label: "100000", cases: 100_000, seed: 4 },
      { label: "467946", cases: national.caseload.cases, seed: 5 },
      { label: "20000 warm", cases: 20_000, seed: 2 },
    ];
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** A typical path through the graph: letter, list, file, review, court, the camp letting them go, spravka. */
const PATH: CaseEvent[] = [
  { type: "complaint.file", addressee: "provincialProcuracy" },
  { type: "complaint.register" },
  { type: "lists.arrive" },
  { type: "file.assemble" },
  { type: "file.requestOriginals" },
  { type: "file.originalsArrive" },
  { type: "file.crossCheck" },
  { type: "file.complete" },
  { type: "review.start" },
  { type: "review.decide", decision: "fullRehabilitation" },
  { type: "court.rule", ruling: "suspend" },
  { type: "release.leaveCamp" },
  { type: "spravka.request" },
  { type: "spravka.issue" },
];
const INPUT: CaseInput = ROLE_CARD_CASES.agitator;

function reference(cases: number): { ms: number; steps: number } {
  const start = performance.now();
  let steps = 0;
  for (let i = 0; i < cases; i++) {
    let path = "complaint.unwritten";
    let context = initialCaseContext(INPUT);
    for (const event of PATH) {
      const next = reduceCase(path, context, event);
      if (!next) throw new Error(`reference path refused ${event.type} in ${path}`);
      path = next.path;
      context = next.context;
      steps++;
    }
  }
  return { ms: performance.now() - start, steps };
}

console.log(`Spravka engine benchmark — node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
console.log("cases       engine ms   events     events/s    | reference ms  steps/s     | engine÷reference  peak RSS");
for (const { label, cases, seed } of RUNS) {
  const scenario = { ...national, caseload: { ...national.caseload, cases } };
  const start = performance.now();
  const world = new World(scenario, seed);
  world.advanceTo(scenario.horizonDays);
  const ms = performance.now() - start;
  const rate = world.eventsProcessed / (ms / 1000);
  const ref = reference(cases);
  const refRate = ref.steps / (ref.ms / 1000);
  console.log(
    `${label.padEnd(11)} ${ms.toFixed(0).padStart(9)}   ${String(world.eventsProcessed).padEnd(10)} ${rate.toFixed(0).padStart(10)}  | ${ref.ms.toFixed(0).padStart(12)}  ${refRate.toFixed(0).padStart(10)}  | ${(rate / refRate).toFixed(2).padStart(16)}  ${mb(process.resourceUsage().maxRSS * 1024).padStart(8)}`,
  );
}

console.log("\n1945 amnesty (release by category, one day at a time)");
console.log("prisoners   engine ms   events     events/s    peak RSS");
for (const [prisoners, seed] of [
  [3000, 1],
  [AMNESTY_1945.population.held, 1],
] as const) {
  const start = performance.now();
  const r = runAmnesty(AMNESTY_1945, seed, { cases: prisoners });
  const ms = performance.now() - start;
  console.log(
    `${String(prisoners).padEnd(11)} ${ms.toFixed(0).padStart(9)}   ${String(r.events).padEnd(10)} ${(r.events / (ms / 1000)).toFixed(0).padStart(10)}  ${mb(process.resourceUsage().maxRSS * 1024).padStart(8)}`,
  );
}
