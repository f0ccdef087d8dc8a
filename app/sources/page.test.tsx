import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, test, vi } from "vitest";
import { GLOSSARY } from "@/lib/glossary";
import { citationText, howToCite, SOURCE_KEYS, SOURCES } from "@/lib/sources";
import { CONFLICTS, conflictAnchor } from "@/lib/sources/conflicts";
import SourcesPage from "./page";

/** The page as the server renders it, with React's escaping of quotes undone so texts can be compared. */
function html(page: typeof SourcesPage = SourcesPage): string {
  return renderToStaticMarkup(page())
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&");
}

/** One source's card on the page: from its heading's item to the key it ends with. */
function card(page: string, key: string): string {
  const from = page.indexOf(`<li id="${key}"`);
  const to = page.indexOf(`<code>${key}</code>`, from);
  expect(from, key).toBeGreaterThanOrEqual(0);
  expect(to, key).toBeGreaterThan(from);
  return page.slice(from, to);
}

const NO_CLAIM = "No claim in this version of the app rests on it";

describe("the sources page", () => {
  const page = html();

  test("every conflict between sources has its own section, with every reading and where the app shows it", () => {
    expect(page).toContain('id="conflicts"');
    expect(page).toContain("Where the sources disagree");
    for (const c of CONFLICTS) {
      expect(page, c.id).toContain(`id="${conflictAnchor(c.id)}"`);
      expect(page, c.id).toContain(c.topic);
      for (const r of c.readings) expect(page, `${c.id}: ${r.value}`).toContain(r.statement);
      for (const k of c.concerns) expect(page, `${c.id}: ${k.ref}`).toContain(k.label);
    }
  });

  test("every source has its full citation and a citation to copy, never only its key", () => {
    for (const key of SOURCE_KEYS) {
      const c = SOURCES[key].citation;
      expect(page, key).toContain(`id="${key}"`);
      expect(page, key).toContain(`“${c.title}”`);
      expect(page, key).toContain(citationText(key));
      expect(page, key).toContain(`id="cite-${key}"`);
    }
    expect(page.match(/Cite this/g)?.length).toBe(SOURCE_KEYS.length);
    expect(page.match(/Copy the citation/g)?.length).toBe(SOURCE_KEYS.length);
    // The main source: its author and chapter, and a plain word on what the copy does not record.
    expect(page).toContain("Adler, “The System's Adaptation to Repression 1953–55”");
    expect(page).toContain("Book chapter (chapter 3)");
    expect(page).toMatch(/Not recorded in Spravka’s copy: the author's first name, the book's title/);
  });

  test("every source says how to cite it, naming what the copy does not record", () => {
    expect(page.match(/How to cite this source:/g)?.length).toBe(SOURCE_KEYS.length);
    for (const key of SOURCE_KEYS) expect(card(page, key), key).toContain(howToCite(key));
    expect(card(page, "blog-destalinization")).toContain(
      "It leaves out the author, the year and a web address, which Spravka’s copy does not record",
    );
    expect(page).toContain("add “as summarised in Spravka”");
  });

  test("claims name their sources as a reader knows them, never by a data file's key", () => {
    const claimItems = [...page.matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1]!);
    expect(claimItems.length).toBeGreaterThan(0);
    for (const text of claimItems) for (const key of SOURCE_KEYS) expect(text, key).not.toContain(key);
    expect(page).toContain("the decree's rule (Student blog, 2014) covered anyone with five years or less");
  });

  test("a count of claims agrees with its noun: never “1 claims”", () => {
    expect(page).not.toMatch(/\b1 claims\b/);
    expect(page).toMatch(/\d+ claims in the app rest on it/);
  });

  test("the glossary's explanations are listed under the sources they rest on", () => {
    expect(page).toContain("The glossary");
    for (const g of GLOSSARY) expect(page, g.id).toContain(`${g.term}: ${g.text}`);
    // A word no source uses is listed as common usage, not under a source.
    expect(page).toContain('id="common-usage"');
  });
});

describe("what the page says rests on each source", () => {
  afterEach(() => {
    vi.doUnmock("@/lib/claims");
    vi.doUnmock("@/lib/sources/conflicts");
    vi.resetModules();
  });

  test("a source lists every conflict that cites it, and is never said to carry no claim while one does", () => {
    const page = html();
    for (const key of SOURCE_KEYS) {
      const text = card(page, key);
      const citing = CONFLICTS.filter((c) => c.readings.some((r) => r.source === key));
      for (const c of citing) expect(text, `${key}: ${c.id}`).toContain(`href="#${conflictAnchor(c.id)}"`);
      if (citing.length > 0) expect(text, key).not.toContain(NO_CLAIM);
    }
    // Alexopoulos and the student blogs give readings in the conflicts (the finding this guards against).
    for (const key of ["alexopoulos-1945", "blog-destalinization", "blog-not-all-free"]) {
      expect(card(page, key), key).toMatch(/It gives (a reading|readings) in \d+ places? where the sources disagree/);
    }
  });

  test("with no claim resting on a source, a conflict citing it still counts; only a source nothing cites carries none", async () => {
    vi.resetModules();
    vi.doMock("@/lib/claims", async (original) => ({
      ...(await original<typeof import("@/lib/claims")>()),
      allClaims: () => [],
    }));
    // Leave the student blog on de-Stalinization out of every conflict: then, and only then, nothing rests on it.
    vi.doMock("@/lib/sources/conflicts", async (original) => {
      const real = await original<typeof import("@/lib/sources/conflicts")>();
      return {
        ...real,
        CONFLICTS: real.CONFLICTS.map((c) => ({
          ...c,
          readings: c.readings.filter((r) => r.source !== "blog-destalinization"),
        })),
      };
    });
    const page = html((await import("./page")).default);
    expect(page).not.toMatch(/claims? in the app rests? on it/);
    for (const key of SOURCE_KEYS) {
      if (key === "blog-destalinization") expect(card(page, key)).toContain(NO_CLAIM);
      else {
        expect(card(page, key), key).not.toContain(NO_CLAIM);
        expect(card(page, key), key).toMatch(/where the sources disagree/);
      }
    }
    expect(card(page, "blog-destalinization")).not.toMatch(/where the sources disagree/);
  });
});

describe("a citation to copy", () => {
  test("gives only what the project's copy records: no invented year, page or address", () => {
    expect(citationText("alexopoulos-1945")).toBe(
      "Alexopoulos, Golfo. “Amnesty 1945: The Revolving Door of Stalin's Gulag.” NCEEER working paper, 2004.",
    );
    expect(citationText("adler-ch3")).toBe(
      "Adler. “The System's Adaptation to Repression 1953–55.” Book chapter (chapter 3), based on archive documents.",
    );
    expect(citationText("blog-destalinization")).toBe("“De-Stalinization of the Gulags.” Student blog post.");
    for (const key of SOURCE_KEYS) expect(citationText(key), key).not.toMatch(/\bpp?\.|https?:|Pages/);
  });
});
