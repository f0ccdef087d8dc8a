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
    for (const s of SCENARIOS) out.write(`${s.id}\t${s.title}\n`);
    return 0;
  }
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

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`sim: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
