import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { OUTCOMES } from "@/machines/vocabulary";
import { findScenario } from "@/lib/sim/scenarios";
import { main } from "./sim";

type Sink = { text: string; isTTY?: boolean; write(chunk: string): boolean };
const sink = (): Sink => ({
  text: "",
  write(chunk: string) {
    this.text += chunk;
    return true;
  },
});

function sim(...args: string[]) {
  const out = sink();
  const err = sink();
  const code = main(args, out, err);
  return { code, out: out.text, err: err.text };
}

const dir = mkdtempSync(path.join(tmpdir(), "spravka-sim-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run sim", () => {
  test("--list prints every scenario id with its title", () => {
    const { code, out } = sim("--list");
    expect(code).toBe(0);
    expect(
      out
        .split("\n")
        .filter(Boolean)
        .map((line) => line.split("\t")[0]),
    ).toContain("national-1954");
    expect(out).toContain("rostov-1954\tRostov commission");
  });

  test("--json prints exactly one JSON object with the documented keys, outcomes summing to cases", () => {
    const { code, out, err } = sim("--scenario", "chita-1954", "--seed", "4", "--cases", "300", "--json");
    expect(code).toBe(0);
    expect(err).toBe("");
    const lines = out.trim().split("\n");
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0]!);
    expect(Object.keys(result)).toEqual([
      "scenario",
      "seed",
      "cases",
      "persons",
      "outcomes",
      "spravka",
      "heldAfterRelease",
      "newArrests",
      "daysToDecision",
      "daysFromStart",
      "stages",
      "waitingNow",
      "capacity",
      "events",
      "wallMs",
    ]);
    expect(Object.keys(result.spravka)).toEqual(["issued", "pending", "withheld"]);
    expect(Object.keys(result.daysToDecision)).toEqual([
      "median",
      "p90",
      "medianAtLeast",
      "p90AtLeast",
      "decided",
      "waiting",
    ]);
    expect(Object.keys(result.outcomes)).toEqual([...OUTCOMES]);
    expect(OUTCOMES.reduce((sum, o) => sum + result.outcomes[o], 0)).toBe(300);
    expect(result).toMatchObject({ scenario: "chita-1954", seed: 4, cases: 300 });
    expect(result.stages.map((s: { stage: string }) => s.stage)).toEqual([
      "complaint",
      "lists",
      "commission",
      "court",
      "spravka",
    ]);
  });

  test("every spravka issued leaves none withheld; the three counts cover every rehabilitated case", () => {
    const run = (...extra: string[]) =>
      JSON.parse(sim("--scenario", "missing-spravka-1955", "--seed", "2", "--json", ...extra).out);
    const open = run("--set", "institutions.spravkaIssueShare=[1,1,1,1]");
    expect(open.spravka.withheld).toBe(0);
    const base = run("--set", "horizonDays=900");
    expect(base.spravka.withheld).toBeGreaterThan(0);
    const { issued, pending, withheld } = base.spravka;
    expect(issued + pending + withheld).toBe(base.outcomes.rehabilitated);
  });

  test("waits count the cases still waiting: where fewer than half of Tomsk's cases are decided, the median is “more than N days”", () => {
    let notReached = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const { out } = sim("--scenario", "tomsk-1955", "--seed", String(seed));
      const waits = JSON.parse(sim("--scenario", "tomsk-1955", "--seed", String(seed), "--json").out).daysToDecision;
      if (waits.median === null) {
        notReached++;
        expect(waits.medianAtLeast).toBeGreaterThan(180);
        expect(out).toContain(`median more than ${Math.round(waits.medianAtLeast)} days`);
      } else {
        expect(out).toContain(`median ${Math.round(waits.median)} days`);
      }
    }
    expect(notReached).toBeGreaterThan(0);
  });

  test("the 1945 amnesty: the same read-outs, plus the source's tally dates; --cases samples a camp", () => {
    const { code, out, err } = sim("--scenario", "amnesty-1945", "--seed", "1", "--cases", "2000", "--json");
    expect(code, err).toBe(0);
    const result = JSON.parse(out);
    for (const key of [
      "scenario",
      "seed",
      "cases",
      "persons",
      "outcomes",
      "daysToDecision",
      "daysFromStart",
      "stages",
      "waitingNow",
      "capacity",
      "events",
      "wallMs",
      "releasedByDate",
    ])
      expect(result, key).toHaveProperty(key);
    expect(result.cases).toBe(2000);
    expect(Object.values(result.outcomes as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(2000);
    expect(result.releasedByDate.map((t: { date: string }) => t.date)).toEqual(
      expect.arrayContaining(["1945-08-25", "1945-10-05"]),
    );
    expect(sim("--list").out).toContain("amnesty-1945\tThe 1945 amnesty");
  });

  test("the 1945 amnesty takes --set on its own settings and names a wrong one", () => {
    const slow = JSON.parse(
      sim(
        "--scenario",
        "amnesty-1945",
        "--seed",
        "1",
        "--cases",
        "2000",
        "--set",
        "stages.fileChecksPer100k=200",
        "--json",
      ).out,
    );
    const usual = JSON.parse(sim("--scenario", "amnesty-1945", "--seed", "1", "--cases", "2000", "--json").out);
    expect(slow.releasedByDate[1].freed).toBeLessThan(usual.releasedByDate[1].freed);
    const bad = sim("--scenario", "amnesty-1945", "--seed", "1", "--set", "desks.procurators=3");
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('sim: --set desks.procurators: unknown scenario path "desks"\n');
    const negative = sim("--scenario", "amnesty-1945", "--seed", "1", "--set", "stages.keptOnShare=2");
    expect(negative.code).toBe(2);
    expect(negative.err).toMatch(/^sim: invalid scenario after --set at stages.keptOnShare: /);
  });

  test("the same arguments give the same run (apart from the wall time)", () => {
    const strip = (text: string) => ({ ...JSON.parse(text), wallMs: 0 });
    const args = ["--scenario", "rostov-1954", "--seed", "8", "--cases", "200", "--json"];
    expect(strip(sim(...args).out)).toEqual(strip(sim(...args).out));
  });

  test("--set changes a parameter: more procurators decide more cases", () => {
    const decided = (extra: string[]) => {
      const r = JSON.parse(sim("--scenario", "chita-1954", "--seed", "1", "--cases", "400", "--json", ...extra).out);
      return r.cases - r.outcomes.pending;
    };
    expect(decided(["--set", "desks.procurators=1", "--set", "institutions.fileClerks=1"])).toBeLessThan(
      decided(["--set", "desks.procurators=20"]),
    );
  });

  test("a scenario file is accepted when valid", () => {
    const file = path.join(dir, "ok.json");
    writeFileSync(file, JSON.stringify({ ...findScenario("tomsk-1955")!, id: "my-tomsk" }));
    const { code, out } = sim("--scenario-file", file, "--seed", "1", "--json");
    expect(code).toBe(0);
    expect(JSON.parse(out).scenario).toBe("my-tomsk");
  });

  const badFile = path.join(dir, "bad.json");
  writeFileSync(
    badFile,
    JSON.stringify({
      ...findScenario("tomsk-1955")!,
      desks: { procurators: "six", hoursPerDay: 4, reviewHoursPerPerson: { kind: "fixed", days: 1 } },
    }),
  );
  const notJson = path.join(dir, "not.json");
  writeFileSync(notJson, "{ nope");

  test.each([
    [["--scenario", "moscow-1937", "--seed", "1"], /unknown scenario "moscow-1937"/],
    [["--scenario", "chita-1954", "--seed", "x1"], /bad seed "x1"/],
    [["--scenario", "chita-1954", "--seed", "1.5"], /bad seed "1.5"/],
    [["--scenario", "chita-1954"], /give --seed/],
    [["--seed", "1"], /give --scenario/],
    [["--scenario", "chita-1954", "--seed", "1", "--set", "desks.tables=3"], /unknown scenario path "desks.tables"/],
    [["--scenario", "chita-1954", "--seed", "1", "--set", "desks.procurators=many"], /desks\.procurators/],
    [["--scenario", "chita-1954", "--seed", "1", "--set", "policy=1"], /group of settings/],
    [["--scenario", "chita-1954", "--seed", "1", "--set", "nonsense"], /use <path>=<value>/],
    [["--scenario", "chita-1954", "--seed", "1", "--cases", "0"], /bad --cases/],
    [["--scenario-file", badFile, "--seed", "1"], /at desks\.procurators/],
    [["--scenario-file", notJson, "--seed", "1"], /cannot read scenario file/],
    [["--scenario", "chita-1954", "--seed", "1", "--frobnicate"], /unknown option/],
  ])("bad input %j exits 2 with a one-line message", (args, message) => {
    const { code, out, err } = sim(...args);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(message);
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err).not.toMatch(/\s+at\s.+:\d+/);
  });
});
