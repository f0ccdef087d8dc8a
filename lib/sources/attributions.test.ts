import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { allClaims } from "@/lib/claims";
import { GLOSSARY } from "@/lib/glossary";
import { LAB_PARAMS } from "@/lib/lab/config";
import { INJECTIONS } from "@/lib/runs/injections";
import { memosFor } from "@/lib/runs/seat-view/memos";
import { World } from "@/lib/sim/engine";
import { findScenario } from "@/lib/sim/scenarios";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BRIEF = path.resolve(ROOT, "../shared/domain/brief.md");

/** Every source file the app is built from, and its tests and specs. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" || e.name.startsWith(".") ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(e.name) ? [full] : [];
  });
}

/**
 * Attributions found wrong in a review against the sources (brief §7), kept
 * out for good. Built from parts so this file does not match itself.
 */
const RETIRED = [
  // The ~165 pardons were the RSFSR Presidium's; Voroshilov chaired the USSR's.
  ["Voroshilov", "'s Presidium"].join(""),
  // The six-month limit ran from the Special Conference's abolition in September 1953.
  ["the decree of 1954 set", " six months"].join(""),
  // The memo's phrase is "real enemies of the Soviet state".
  ["real enemies", " of the people"].join(""),
];

describe("attributions", () => {
  test("no text in the app repeats an attribution found wrong", () => {
    const files = ["app", "lib", "machines", "e2e", "scripts"].flatMap((d) => sourceFiles(path.join(ROOT, d)));
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const phrase of RETIRED)
        expect(text.includes(phrase), `${path.relative(ROOT, file)}: ${phrase}`).toBe(false);
    }
  });
});

/** Curly quotes as straight ones, white space as one space, lower case: the brief's lines break mid-sentence. */
function normalise(text: string): string {
  return text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, " ").toLowerCase();
}

/** The phrases a text puts in curly quotation marks. */
function quotations(text: string): string[] {
  return [...text.matchAll(/“([^”]+)”/g)].map((m) => m[1]!.replace(/[.,;:]$/, ""));
}

/**
 * Quotation marks around names of the time (the code's own headings), not
 * around a source's words.
 */
const TERMS_OF_THE_TIME = new Set(["counter-revolutionary crimes", "counter-revolutionary sabotage"]);

// The notes live beside the repository, not in it: checked wherever they are present.
describe.runIf(existsSync(BRIEF))("quotations against the project's notes on the sources (brief.md)", () => {
  const brief = existsSync(BRIEF) ? normalise(readFileSync(BRIEF, "utf8")) : "";

  test("every phrase in quotation marks that a text attributes to a source is in the notes", () => {
    const world = new World(findScenario("rostov-1954")!, 1);
    const texts: { where: string; text: string }[] = [
      ...GLOSSARY.filter((g) => g.source !== "common-usage").map((g) => ({ where: `glossary ${g.id}`, text: g.text })),
      ...allClaims()
        .filter((c) => c.source !== "invented" && c.source !== "common-usage")
        .map((c) => ({ where: `claim (${c.area})`, text: c.text })),
      ...memosFor(world, [])
        .filter((m) => m.source !== "invented")
        .map((m) => ({ where: `memo ${m.id}`, text: m.text })),
      ...INJECTIONS.map((i) => ({ where: `injection ${i.id}`, text: `${i.news} ${i.effectNote}` })),
      ...LAB_PARAMS.map((p) => ({ where: `lab ${p.key}`, text: p.hint })),
    ];
    for (const { where, text } of texts) {
      for (const quote of quotations(text)) {
        if (TERMS_OF_THE_TIME.has(quote)) continue;
        expect(brief.includes(normalise(quote)), `${where}: “${quote}”`).toBe(true);
      }
    }
  });

  test("the standing order's phrase is the source's own", () => {
    expect(brief).toContain(normalise("“real enemies of the Soviet state”"));
  });
});
