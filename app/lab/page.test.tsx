import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { LAB_SCENARIOS } from "@/lib/lab/config";
import { COMPARE_QUESTIONS, CompareQuestions } from "./compare-questions";
import LabPage from "./page";

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
