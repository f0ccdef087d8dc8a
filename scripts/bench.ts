/**
 * `npm run bench`: the batch engine on 20k, 10k, 100k cases and the national
 * scenario (467,946 cases), with wall time, events/s and peak RSS; beside
 * each, a plain hand-written reference stepper of the same graph
 * (lib/sim/case-reducer.ts, no engine, no queue) over the same number of
 * cases, and the ratio of the two times. Last, the 1945 amnesty's
 * day-by-day engine on its national population (1,565,442 prisoners) and a
 * sampled camp (lib/sim/amnesty/engine.ts). Figures only: nothing here
 * fails a build.
 *
 * Targets: national engine time ≤ 2 × the reference's time for the same
 * cases, peak RSS ≤ 300 MB; a cold 20k run ≤ 300 ms.
 *
 * What the ratio compares, openly: "engine÷reference" is engine ms ÷
 * reference ms for the same caseload (lower is better; an earlier version
 * printed the inverse ratio of per-event rates). The engine's time includes
 * generating the caseload (every case's facts drawn from its own stream),
 * the institutions' random draws, the event queue and the statistics, and
 * its cases take turns in simulated time, so each event reaches a different
 * case's data; the reference steps one fixed case along a fixed 14-event
 * path, one case after another, with no draws, so its data stays in cache.
 * The reference is the floor a batch driver of this graph cannot beat, not
 * a like-for-like engine.
 *
 * Two rows run in a fresh child process each, so they are what they say:
 * "cold 20k (fresh process)" is the first run in a new process (nothing
 * compiled, no memo of case transitions yet; "process" adds starting Node
 * and loading the modules), and "national (fresh process)" has a peak RSS
 * of its own. The others run in this process, in order: 10k, 100k, then 20k
 * again, warm, as in the what-if lab's worker, which keeps its memo between
 * runs (results never depend on the memo, only speed does).
 * `npm run bench -- 5000,50000` runs just those caseloads, in this process.
 */
import { spawnSync } from "node:child_process";
import type { CaseEvent, CaseInput } from "@/machines/case-setup";
import { initialCaseContext } from "@/machines/case-setup";
import { reduceCase } from "@/lib/sim/case-reducer";
import { World } from "@/lib/sim/engine";
import { ROLE_CARD_CASES } from "@/machines/role-cards";
import { findScenario } from "@/lib/sim/scenarios";
import { runAmnesty } from "@/lib/sim/amnesty/engine";
import { AMNESTY_1945 } from "@/lib/sim/amnesty/scenarios";

const national = findScenario("national-1954")!;
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const peakRss = () => process.resourceUsage().maxRSS * 1024;

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

/** One row: the engine on `cases` cases of the national scenario, then the reference on as many. */
type Row = { ms: number; events: number; refMs: number; steps: number; rss: number; processMs?: number };

function measure(cases: number, seed: number): Row {
  const scenario = { ...national, caseload: { ...national.caseload, cases } };
  const start = performance.now();
  const world = new World(scenario, seed);
  world.advanceTo(scenario.horizonDays);
  const ms = performance.now() - start;
  const rss = peakRss();
  const ref = reference(cases);
  return { ms, events: world.eventsProcessed, refMs: ref.ms, steps: ref.steps, rss };
}

/** The same row measured in a new Node process (this script, run with --child). */
function inFreshProcess(cases: number, seed: number): Row {
  const started = performance.now();
  const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, "--child", `${cases}:${seed}`], {
    encoding: "utf8",
  });
  if (child.status !== 0) throw new Error(`bench child failed: ${child.stderr}`);
  return { ...(JSON.parse(child.stdout) as Row), processMs: performance.now() - started };
}

function print(label: string, r: Row): void {
  const rate = r.events / (r.ms / 1000);
  const refRate = r.steps / (r.refMs / 1000);
  console.log(
    `${label.padEnd(32)} ${r.ms.toFixed(0).padStart(9)}   ${String(r.events).padEnd(10)} ${rate.toFixed(0).padStart(10)}  | ${r.refMs.toFixed(0).padStart(12)}  ${refRate.toFixed(0).padStart(10)}  | ${(r.ms / r.refMs).toFixed(2).padStart(16)}  ${mb(r.rss).padStart(8)}`,
  );
}

if (process.argv[2] === "--child") {
  const [cases, seed] = process.argv[3]!.split(":").map(Number);
  process.stdout.write(JSON.stringify(measure(cases!, seed!)));
  process.exit(0);
}

// How Node was started matters to a fresh process's figures (V8's worker pool: .npmrc, ADR 0028), so it is printed.
console.log(
  `Spravka engine benchmark — node ${process.version}, ${new Date().toISOString().slice(0, 10)}, NODE_OPTIONS ${process.env.NODE_OPTIONS || "(none)"}`,
);
console.log(
  "cases                            engine ms   events     events/s    | reference ms  steps/s     | engine÷reference  peak RSS",
);
// `npm run bench -- 5000,50000`: just those caseloads, in this process.
if (process.argv[2]) {
  process.argv[2].split(",").forEach((n, k) => print(n, measure(Number(n), k + 1)));
  process.exit(0);
}
const cold = inFreshProcess(20_000, 1);
print("cold 20k (fresh process)", cold);
console.log(
  `${"".padEnd(32)} (the whole process, Node's start and module loading included: ${cold.processMs!.toFixed(0)} ms)`,
);
print("10000", measure(10_000, 3));
print("100000", measure(100_000, 4));
print(`national ${national.caseload.cases} (fresh process)`, inFreshProcess(national.caseload.cases, 5));
print("20000 warm", measure(20_000, 2));

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
