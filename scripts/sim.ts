/**
 * The simulation CLI (a stable interface other tools rely on):
 *
 *   npm run sim -- --list
 *   npm run sim -- --scenario <id> --seed <n> [--cases <n>] [--set <path>=<value>]...
 *                  [--scenario-file <file.json>] [--json]
 *
 * With --json it prints exactly one JSON object on stdout. Bad input exits 2
 * with a one-line message naming the problem; never a stack trace.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseSimArgs, UsageError } from "@/lib/sim/cli-args";
import { World } from "@/lib/sim/engine";
import { SCENARIOS } from "@/lib/sim/scenarios";
import { describeWait } from "@/lib/sim/survival";
import { runAmnesty } from "@/lib/sim/amnesty/engine";
import { AMNESTY_SCENARIOS } from "@/lib/sim/amnesty/scenarios";
import type { AmnestyScenario } from "@/lib/sim/amnesty/scenario";

const HELP = `Usage:
  npm run sim -- --list
  npm run sim -- --scenario <id> --seed <n> [--cases <n>] [--set <path>=<value>]... [--scenario-file <file.json>] [--json]`;

/** Where the CLI writes: process.stdout / process.stderr, or a test's sink. */
export type Output = { write(text: string): unknown; isTTY?: boolean };

export function main(argv: string[], out: Output = process.stdout, err: Output = process.stderr): number {
  let command;
  try {
    command = parseSimArgs(argv, (file) => readFileSync(file, "utf8"));
  } catch (error) {
    if (error instanceof UsageError) {
      err.write(`sim: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (command.kind === "help") {
    out.write(`${HELP}\n`);
    return 0;
  }
  if (command.kind === "list") {
    for (const s of [...SCENARIOS, ...AMNESTY_SCENARIOS]) out.write(`${s.id}\t${s.title}\n`);
    return 0;
  }
  if (command.kind === "runAmnesty") return amnestyMain(command, out);
  const { scenario, seed, json } = command;
  const started = performance.now();
  const world = new World(scenario, seed);
  const showProgress = !json && err.isTTY === true && scenario.caseload.cases >= 50_000;
  const steps = showProgress ? 40 : 1;
  for (let k = 1; k <= steps; k++) {
    world.advanceTo((scenario.horizonDays * k) / steps);
    if (showProgress) err.write(`\r[${"#".repeat(k).padEnd(steps)}] ${Math.round((100 * k) / steps)}%`);
  }
  if (showProgress) err.write("\n");
  const r = world.result(seed);
  const wallMs = Math.round(performance.now() - started);
  const summary = {
    scenario: r.scenario,
    seed,
    cases: r.cases,
    persons: r.persons,
    outcomes: r.outcomes,
    spravka: r.spravka,
    heldAfterRelease: r.heldAfterRelease,
    newArrests: r.newArrests,
    daysToDecision: r.daysToDecision,
    daysFromStart: r.daysFromStart,
    stages: r.stages,
    waitingNow: r.waitingNow,
    capacity: r.capacity,
    events: r.events,
    wallMs,
  };
  if (json) {
    out.write(`${JSON.stringify(summary)}\n`);
    return 0;
  }
  out.write(`${scenario.title} — seed ${seed}\n`);
  out.write(
    `${r.cases.toLocaleString("en")} cases, ${r.persons.toLocaleString("en")} persons, ${scenario.horizonDays} simulated days\n\n`,
  );
  out.write("Outcomes (cases)\n");
  for (const [k, v] of Object.entries(r.outcomes)) out.write(`  ${k.padEnd(14)} ${String(v).padStart(8)}\n`);
  out.write(
    `\nSpravka: ${r.spravka.issued} issued, ${r.spravka.pending} still being asked for, ${r.spravka.withheld} withheld (no office sent it)\n`,
  );
  out.write(`Decided to be freed but still held in the camp: ${r.heldAfterRelease}\n`);
  if (r.newArrests.arrived > 0) {
    out.write(
      `New Article 59 arrests in 1955 (not in the counts above): ${r.newArrests.arrived} arrived, ${r.newArrests.decided} decided\n`,
    );
  }
  const w = r.daysToDecision;
  out.write(
    `Days from the commission knowing of a case to its decision (${w.waiting} still waiting count as waiting): ` +
      `median ${describeWait(w)}, 90th percentile ${describeWait(w, "p90")}\n`,
  );
  const all = r.daysFromStart;
  out.write(
    `Days from the start of the review to a decision, every case counted: ` +
      `median ${describeWait(all)}, 90th percentile ${describeWait(all, "p90")}\n\n`,
  );
  out.write("Stage          mean wait (days)   largest queue\n");
  for (const s of r.stages)
    out.write(`  ${s.stage.padEnd(12)} ${String(s.meanWaitDays).padStart(12)} ${String(s.maxQueue).padStart(15)}\n`);
  out.write(`\n${r.events.toLocaleString("en")} events in ${wallMs} ms\n`);
  return 0;
}

/**
 * A 1945 amnesty run: the read-outs a case-review run gives (cases, outcomes,
 * waits, stages, capacity) and those of its own (the source's tally dates).
 */
function amnestyMain(
  command: { scenario: AmnestyScenario; seed: number; json: boolean; cases?: number },
  out: Output,
): number {
  const { scenario, seed, json } = command;
  const started = performance.now();
  const r = runAmnesty(scenario, seed, command.cases !== undefined ? { cases: command.cases } : {});
  const wallMs = Math.round(performance.now() - started);
  const summary = {
    scenario: r.scenario,
    seed,
    cases: r.cases,
    persons: r.persons,
    outcomes: r.outcomes,
    qualifying: r.qualifying,
    freed: r.freed,
    termsHalved: r.termsHalved,
    daysToDecision: r.daysToDecision,
    daysFromStart: r.daysFromStart,
    daysInTransit: r.daysInTransit,
    stages: r.stages,
    waitingNow: r.waitingNow,
    capacity: r.capacity,
    releasedByDate: r.releasedByDate,
    newPrisoners: { total: r.newPrisoners.total, shirking: r.newPrisoners.shirking },
    heldAtEnd: r.heldAtEnd,
    events: r.events,
    wallMs,
  };
  if (json) {
    out.write(`${JSON.stringify(summary)}\n`);
    return 0;
  }
  const n = (x: number) => x.toLocaleString("en");
  out.write(`${scenario.title} — seed ${seed}\n`);
  out.write(`${n(r.cases)} prisoners held on ${scenario.startDate}, ${scenario.horizonDays} simulated days\n\n`);
  out.write(`Qualifying for release: ${n(r.qualifying)}; freed ${n(r.freed.total)} `);
  out.write(`(camps ${n(r.freed.fromCamps)}, colonies ${n(r.freed.fromColonies)}); terms halved ${n(r.termsHalved)}\n`);
  out.write("\nFreed by the source's dates   run      source\n");
  for (const t of r.releasedByDate)
    out.write(
      `  ${t.date} ${t.label.padEnd(48)} ${n(t.freed).padStart(9)} ${t.historical === null ? "" : n(t.historical).padStart(9)}\n`,
    );
  out.write(`\nNew prisoners meanwhile: ${n(r.newPrisoners.total)} (${n(r.newPrisoners.shirking)} for shirking)\n`);
  out.write(
    `Days from the decree to leaving the camp, those qualifying: median ${describeWait(r.daysFromStart)}, ` +
      `90th percentile ${describeWait(r.daysFromStart, "p90")}\n\n`,
  );
  out.write("Outcomes (prisoners)\n");
  for (const [k, v] of Object.entries(r.outcomes)) out.write(`  ${k.padEnd(22)} ${n(v).padStart(10)}\n`);
  out.write("\nStage          mean wait (days)   largest queue\n");
  for (const s of r.stages)
    out.write(`  ${s.stage.padEnd(14)} ${String(s.meanWaitDays).padStart(10)} ${n(s.maxQueue).padStart(15)}\n`);
  out.write(`\n${n(r.events)} events in ${wallMs} ms\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`sim: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
