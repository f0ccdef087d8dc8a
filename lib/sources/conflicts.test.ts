import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { glossaryEntry } from "@/lib/glossary";
import { LAB_PARAMS } from "@/lib/lab/config";
import { findInjection } from "@/lib/runs/injections";
import { AMNESTY_1945, AMNESTY_SCENARIOS } from "@/lib/sim/amnesty/scenarios";
import { findScenario } from "@/lib/sim/scenarios";
import { SOURCE_KEYS, type SourceKey } from "@/lib/sources";
import { RULES } from "@/machines/rules";
import {
  CONFLICTS,
  conflictAnchor,
  conflictFor,
  conflictHref,
  conflictsConcerning,
  conflictSummary,
  findConflict,
} from "./conflicts";

/** The project's notes on the sources, beside the repository (../shared/domain/brief.md). */
const BRIEF = path.resolve(import.meta.dirname, "../../../shared/domain/brief.md");

/** How brief.md names the sources (../shared/domain/README.md). */
const BRIEF_CODES: Record<SourceKey, string> = {
  "adler-ch3": "000",
  "17moments": "001",
  "alexopoulos-1945": "002",
  "blog-not-all-free": "003",
  "blog-destalinization": "004",
};

/** Curly quotes as straight ones, runs of white space as one space: the brief's line breaks fall mid-sentence. */
function normalise(text: string): string {
  return text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, " ").toLowerCase();
}

describe("the table of conflicts between sources", () => {
  test("ids are unique, and every conflict has at least two different readings", () => {
    const ids = CONFLICTS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of CONFLICTS) {
      expect(c.id, c.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(new Set(c.readings.map((r) => r.value)).size, c.id).toBeGreaterThanOrEqual(2);
      expect(c.topic.length, c.id).toBeGreaterThan(0);
      expect(c.note.length, c.id).toBeGreaterThan(40);
    }
  });

  test("every reading cites a known source key and a line of the notes", () => {
    for (const c of CONFLICTS) {
      for (const r of c.readings) {
        expect(SOURCE_KEYS, `${c.id}: ${r.value}`).toContain(r.source);
        expect(r.briefLines[0], `${c.id}: ${r.value}`).toBeGreaterThan(0);
        if (r.briefLines.length === 2) expect(r.briefLines[1]).toBeGreaterThanOrEqual(r.briefLines[0]);
      }
    }
  });

  test("arithmetic on a source's figures adds up, and its parts are the source's figures", () => {
    const sums = CONFLICTS.flatMap((c) => c.readings.filter((r) => r.calc).map((r) => ({ c, r })));
    expect(sums.length).toBeGreaterThanOrEqual(2);
    for (const { c, r } of sums) {
      const calc = r.calc!;
      expect(
        calc.parts.reduce((a, b) => a + b, 0),
        c.id,
      ).toBe(calc.total);
      expect(r.value, c.id).toBe(calc.total.toLocaleString("en"));
      for (const part of calc.parts) expect(r.statement, c.id).toContain(part.toLocaleString("en"));
    }
  });

  test("every place a conflict concerns is a known kind of place, with a link inside the app", () => {
    for (const c of CONFLICTS) {
      for (const k of c.concerns) {
        expect(k.ref, c.id).toMatch(/^(glossary|home|scenario|injection|lab|rule):[a-z0-9-]+$/i);
        if (k.href) expect(k.href, c.id).toMatch(/^\//);
      }
    }
  });

  test("every place a conflict names exists: a renamed entry cannot leave a conflict pointing nowhere", () => {
    const exists: Record<string, (id: string) => boolean> = {
      glossary: (id) => glossaryEntry(id) !== undefined,
      // The 1945 amnesty's scenarios share the 1954–55 ones' namespace (lib/sim/amnesty/scenarios.ts).
      scenario: (id) => findScenario(id) !== undefined || AMNESTY_SCENARIOS.some((s) => s.id === id),
      injection: (id) => findInjection(id) !== undefined,
      lab: (id) => LAB_PARAMS.some((p) => p.key === id),
      rule: (id) => id in RULES,
      // The landing page shows the conflicts of the places it names (app/page.tsx conflictsConcerning("home:…")).
      home: (id) => readFileSync(path.join(process.cwd(), "app", "page.tsx"), "utf8").includes(`"home:${id}"`),
    };
    for (const c of CONFLICTS) {
      for (const k of c.concerns) {
        const [kind = "", id = ""] = k.ref.split(":");
        expect(exists[kind]?.(id), `${c.id}: ${k.ref}`).toBe(true);
      }
    }
  });

  test("the helpers find a conflict, its anchor on the sources page, and say every reading in a line", () => {
    const amnesty = conflictFor("amnesty-1953-releases");
    expect(findConflict("amnesty-1953-releases")).toBe(amnesty);
    expect(findConflict("no-such-conflict")).toBeUndefined();
    expect(conflictAnchor(amnesty.id)).toBe("conflict-amnesty-1953-releases");
    expect(conflictHref(amnesty.id)).toBe("/sources#conflict-amnesty-1953-releases");
    expect(conflictsConcerning("glossary:amnesty-1953").map((c) => c.id)).toContain("amnesty-1953-releases");
    // Each figure once, with every source that gives it.
    expect(conflictSummary(amnesty)).toBe(
      "1,201,738 (Adler, ch. 3); “over 1.5 million” (Seventeen Moments, Student blog); “a million” (Alexopoulos 2004)",
    );
    for (const c of CONFLICTS) for (const r of c.readings) expect(conflictSummary(c), c.id).toContain(r.value);
    // Arithmetic is said to be arithmetic, not passed off as the source's own figure.
    expect(conflictSummary(conflictFor("stalingrad-total"))).toContain("2,099 (sum of Adler, ch. 3's figures)");
  });

  test("the 1945 arrivals: the note's arithmetic is right, and the scenario's rate is the 194,074 over the 86 days", () => {
    const arrivals = conflictFor("amnesty-1945-arrivals");
    const days = (Date.UTC(1945, 9, 1) - Date.UTC(1945, 6, 7)) / 86_400_000;
    expect(days).toBe(86);
    expect(arrivals.note).toContain(`${days} days`);
    const perDay = 194_074 / days;
    expect(arrivals.note).toContain(`about ${(Math.round(perDay / 10) * 10).toLocaleString("en")} a day`);
    expect(arrivals.note).toContain(
      `some ${(Math.round((perDay * 30) / 100) * 100).toLocaleString("en")} in a 30-day month`,
    );
    // "About a tenth less than 75,000."
    expect(1 - (perDay * 30) / 75_000).toBeCloseTo(0.1, 1);
    // The scenario takes the 194,074 (its arrivals per 100,000 held a day, times those held).
    const { stages, population } = AMNESTY_1945;
    expect((stages.arrivalsPer100kPerDay * population.held) / 100_000).toBeCloseTo(perDay, -1);
    const figure = AMNESTY_1945.compare.find((c) => c.metric === "newPrisonersByDay")!;
    expect([figure.value, figure.onDay]).toEqual([194_074, days]);
  });

  test("the conflicts the notes list at their top are all in the table", () => {
    for (const id of ["amnesty-1953-releases", "amnesty-1953-share", "may-1954-review-releases"]) {
      expect(findConflict(id), id).toBeDefined();
    }
  });
});

// The notes live beside the repository, not in it: checked wherever they are present (a developer's machine).
describe.runIf(existsSync(BRIEF))("the table against the project's notes on the sources (brief.md)", () => {
  const lines = existsSync(BRIEF) ? readFileSync(BRIEF, "utf8").split("\n") : [];
  const at = (from: number, to = from) => normalise(lines.slice(from - 1, to).join(" "));
  /** The nearest heading above a line: a section like "### Delays and bottlenecks (000)" names its source once. */
  const headingAbove = (line: number) => {
    for (let i = line - 1; i >= 0; i--) if (lines[i]!.startsWith("#")) return normalise(lines[i]!);
    return "";
  };

  test("each reading's words are on the lines it cites, and those lines name its source", () => {
    for (const c of CONFLICTS) {
      for (const r of c.readings) {
        const [from, to = from] = r.briefLines;
        const text = at(from, to);
        expect(text, `${c.id}: ${r.value}`).toContain(normalise(r.briefText));
        const code = new RegExp(`\\b${BRIEF_CODES[r.source]}\\b`);
        expect(code.test(text) || code.test(headingAbove(from)), `${c.id}: ${r.value} (${r.source})`).toBe(true);
      }
    }
  });

  test("every phrase a conflict puts in quotation marks is in the notes", () => {
    const all = normalise(lines.join(" "));
    for (const c of CONFLICTS) {
      const texts = [c.topic, c.note, ...c.readings.flatMap((r) => [r.value, r.statement])];
      for (const quote of texts.flatMap((t) => [...t.matchAll(/“([^”]+)”/g)].map((m) => m[1]!))) {
        expect(all, `${c.id}: “${quote}”`).toContain(normalise(quote).replace(/[.,]$/, ""));
      }
    }
  });
});
