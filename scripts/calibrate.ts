/**
 * `npm run calibrate [-- --seeds 10] [--json] [--readme]`: every figure the
 * sources give beside the simulated mean ± sd over several seeds, marked
 * fitted or held out (lib/sim/calibration.ts). The national scenario is
 * included, so it takes a minute or two. `--json` prints one object per
 * figure; `--readme` rewrites the README's table between its markers.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { calibrate, calibrationTable } from "@/lib/sim/calibration";

const args = process.argv.slice(2);
const seedsArg = args.indexOf("--seeds");
const seedCount = seedsArg >= 0 ? Number(args[seedsArg + 1]) : 5;
if (!Number.isInteger(seedCount) || seedCount < 1) {
  console.error("calibrate: --seeds takes a whole number of seeds, e.g. --seeds 5");
  process.exit(2);
}
const seeds = Array.from({ length: seedCount }, (_, k) => k + 1);
const rows = calibrate(seeds);

if (args.includes("--json")) {
  for (const row of rows) console.log(JSON.stringify(row));
} else {
  console.log(calibrationTable(rows, seedCount));
}

if (args.includes("--readme")) {
  const START = "<!-- calibrate:start -->";
  const END = "<!-- calibrate:end -->";
  const readme = readFileSync("README.md", "utf8");
  const from = readme.indexOf(START);
  const to = readme.indexOf(END);
  if (from < 0 || to < from) {
    console.error(`calibrate: README.md has no ${START} … ${END} markers to write between`);
    process.exit(1);
  }
  const table = `${START}\n<!-- written by \`npm run calibrate -- --readme\` (${seedCount} seeds); do not edit by hand -->\n\n${calibrationTable(rows, seedCount)}\n\n`;
  writeFileSync("README.md", readme.slice(0, from) + table + readme.slice(to));
  console.error("calibrate: README.md table rewritten");
}
