import { readFileSync } from "node:fs";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { LAB_SCENARIOS, paramsFor } from "@/lib/lab/config";
import { runLab, type LabResult } from "@/lib/lab/run";
import { COMPARE_QUESTIONS, CompareQuestions } from "./compare-questions";
import LabPage from "./page";
import { CHART_FONT_PX, Results, type Done } from "./results";

/** The page as the server renders it for an address's query. */
async function render(query: Record<string, string | string[]>): Promise<string> {
  const element = await LabPage({ searchParams: Promise.resolve(query), params: Promise.resolve({}) });
  return renderToStaticMarkup(element);
}

describe("the lab page's address", () => {
  test("an unknown scenario is named as unknown and the scenarios are offered as links", async () => {
    const html = await render({ s: "nope" });
    expect(html).toContain("No scenario has that name");
    expect(html).toContain("nope");
    for (const s of LAB_SCENARIOS) expect(html).toContain(`href="/lab?s=${s.id}"`);
    expect(html).not.toContain('aria-label="Lab configuration"');
  });

  test("a known scenario shows the lab's form", async () => {
    const html = await render({ s: "chita-1954", seed: "4" });
    expect(html).toContain('aria-label="Lab configuration"');
    expect(html).not.toContain("No scenario has that name");
  });

  test.each([
    ["a seed that is no number", { s: "chita-1954", seed: "abc" }],
    ["a seed out of range", { s: "chita-1954", seed: "-5" }],
    ["a seed too large for any number", { s: "chita-1954", seed: "1e999" }],
    ["values that are no numbers", { s: "chita-1954", procurators: "lots", bias: "NaN", cases: "Infinity" }],
    ["values out of range", { s: "chita-1954", procurators: "0", spravka: "7", cases: "-1e308", listDelay: "1e308" }],
    ["a blank scenario", { s: "" }],
    ["a scenario given twice", { s: ["chita-1954", "nope"] }],
    ["an object's own property names", { s: "__proto__", seed: "constructor", procurators: "toString" }],
    ["control characters and a right-to-left override", { s: "\u0000\u202Echita", seed: "\u0000" }],
    ["a very long name", { s: "x".repeat(100_000) }],
    ["a run request with bad values", { s: "chita-1954", procurators: "0", run: "1" }],
  ])("%s renders a page, never an error", async (_name, query) => {
    const html = await render(query);
    expect(html).toMatch(/No scenario has that name|aria-label="Lab configuration"/);
    expect(html.length).toBeLessThan(200_000);
  });

  test("a bad value in the link is named beside its field", async () => {
    const html = await render({ s: "chita-1954", seed: "0", procurators: "0" });
    expect(html).toContain("A seed is a whole number from 1 to 1,000,000.");
    expect(html).toContain("Between 1 and 500.");
  });

  test("the 1945 amnesty shows its own controls, none of the review's, and the page offers the lesson preset", async () => {
    const html = await render({ s: "amnesty-1945" });
    expect(html).toContain("Files the records departments check a day");
    expect(html).toContain("Places on railcars home a day");
    expect(html).not.toContain("Procurators reviewing files");
    expect(html).not.toContain("Scheduled historical events");
    expect(html).toContain('href="/lab?preset=category-vs-case"');
  });
});

describe("the questions beside a 1945 run and a 1954–55 run", () => {
  test("every question names its sources, and the review's contested release figure links to the conflict", () => {
    const html = renderToStaticMarkup(<CompareQuestions />);
    expect(html.match(/<li>/g)).toHaveLength(COMPARE_QUESTIONS.length);
    for (const q of COMPARE_QUESTIONS) for (const source of q.sources) expect(html).toContain(`/sources#${source}`);
    expect(html).toContain("/sources#conflict-may-1954-review-releases");
  });
});

describe("each control explains itself", () => {
  test("the national run's caseload is the country's, and every control says what it changes in the model", async () => {
    const html = await render({ s: "national-1954" });
    expect(html).toContain("The country&#x27;s caseload");
    expect(html).not.toContain("The province&#x27;s caseload");
    expect(html).toContain("Desks in the country");
    const controls = paramsFor("national-1954");
    expect(html.match(/What this changes in the model:/g)).toHaveLength(controls.length);
    // The scenario's own value with its provenance's source: the 365 desks rest on Adler.
    expect(html).toMatch(/This scenario: 365 — 365 camp-procurator posts/);
    for (const p of controls)
      expect(html).toContain(`aria-describedby="lab-${p.key}-value lab-${p.key}-hint lab-${p.key}-model"`);
  });

  test("a province's caseload stays the province's", async () => {
    const html = await render({ s: "rostov-1954" });
    expect(html).toContain("The province&#x27;s caseload");
    expect(html).not.toContain("The country&#x27;s caseload");
  });
});

describe("the results: every chart has a table, and nobody still waiting is left out", () => {
  const province = runLab({ scenarioId: "rostov-1954", seed: 1, events: true, values: {} });
  // A run three hundred times the province's size, as the national run is: the same shares, far larger counts.
  const scaled: LabResult = {
    ...province,
    cases: province.cases * 300,
    outcomes: province.outcomes.map((o) => ({ ...o, count: o.count * 300 })),
    curve: {
      ...province.curve,
      cases: province.curve.cases * 300,
      decidedOnDay: province.curve.decidedOnDay.map((n) => n * 300),
    },
  };
  const runs: Done[] = [
    { ...province, n: 1, label: "Run 1: Rostov", ms: 100 },
    { ...scaled, n: 2, label: "Run 2: three hundred Rostovs", ms: 900 },
  ];
  const html = renderToStaticMarkup(<Results runs={runs} onRemove={() => {}} onExport={() => {}} />);

  test("each chart has a table under it, with a caption and headers scoped to their rows and columns", () => {
    const figures = html.match(/<figure/g)!.length;
    expect(figures).toBe(3);
    expect(html.match(/<summary[^>]*>Show as a table<\/summary>/g)).toHaveLength(figures);
    // The key figures' table, and one per chart.
    expect(html.match(/<caption/g)).toHaveLength(figures + 1);
    expect(html).toContain('scope="col"');
    expect(html).toContain('scope="row"');
  });

  test("the outcome table and the chart tables show those still waiting, with counts and shares, for every run", () => {
    const undecided = province.outcomes.find((o) => o.outcome === "undecided")!.count;
    const share = `${Math.round((undecided / province.cases) * 1000) / 10}%`;
    expect(html).toContain("Not decided: still waiting");
    expect(html).toContain(`${undecided.toLocaleString("en")} (${share})`);
    expect(html).toContain(`${(undecided * 300).toLocaleString("en")} (${share})`);
    // Both chart tables close with those still waiting.
    expect(html.match(/Still waiting at the end \(count and share\)/g)).toHaveLength(2);
  });

  test("the outcome chart starts by shares whatever the runs (one run, or two alike) and whatever the screen", () => {
    const alone = renderToStaticMarkup(<Results runs={[runs[0]!]} onRemove={() => {}} onExport={() => {}} />);
    const twin = renderToStaticMarkup(
      <Results runs={[runs[0]!, { ...runs[0]!, n: 3 }]} onRemove={() => {}} onExport={() => {}} />,
    );
    for (const page of [alone, twin, html]) {
      expect(page).toContain("share of each run&#x27;s cases)");
      expect(page).toMatch(/<input type="radio"[^>]*checked=""[^>]*\/>Share of each run/);
    }
  });

  test("every chart text is 12 px or larger, bar labels included", () => {
    expect(CHART_FONT_PX).toBeGreaterThanOrEqual(12);
    const source = readFileSync(new URL("./results.tsx", import.meta.url), "utf8");
    const sizes = [...source.matchAll(/fontSize:\s*(\d+)/g)].map((m) => Number(m[1]));
    for (const px of sizes) expect(px).toBeGreaterThanOrEqual(12);
  });

  test("the table gives the commission's decision and the final outcome side by side, and says why they differ", () => {
    expect(html).toContain("Full rehabilitation — decided by the commission (cases)");
    expect(html).toContain("Full rehabilitation — final outcome after the court (cases)");
    expect(html).toContain("the commission’s decision was only a protest");
  });

  test("runs of very different sizes are charted by share; the wait is explained with both medians", () => {
    expect(html).toContain("share of each run&#x27;s cases)");
    expect(html).toMatch(/<input type="radio"[^>]*checked=""/);
    expect(html).toContain("Among the decided cases only, the median wait was");
    expect(html).toContain("Why two medians?");
  });
});
