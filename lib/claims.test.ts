import { describe, expect, test } from "vitest";
import { allClaims, GLOSSARY_AREA } from "./claims";
import { GLOSSARY, glossaryEntry } from "./glossary";
import { SOURCE_KEYS, SOURCES } from "./sources";
import { conflictsConcerning } from "./sources/conflicts";

describe("sources and glossary", () => {
  test("every claim the app makes names a known source or says it is invented", () => {
    const claims = allClaims();
    for (const c of claims) expect([...SOURCE_KEYS, "invented", "common-usage"], c.text).toContain(c.source);
    const by = (k: string) => claims.filter((c) => c.source === k).length;
    expect(by("adler-ch3")).toBeGreaterThan(30);
    expect(by("invented")).toBeGreaterThan(10);
    // The rules of the machines, the desk, the letters and the injectable events are all listed.
    const areas = new Set(claims.map((c) => c.area));
    for (const area of [
      "The rules of the review",
      "The procurator's desk",
      "The letter form",
      "Events a teacher can inject",
      GLOSSARY_AREA,
    ]) {
      expect(areas).toContain(area);
    }
    expect(claims.some((c) => c.text.includes("Chita"))).toBe(true);
  });

  test("the glossary explains the brief's terms, each with a source", () => {
    const ids = GLOSSARY.map((g) => g.id);
    for (const id of [
      "spravka",
      "kharakteristika",
      "oso",
      "troika",
      "article-58",
      "zek",
      "minuses",
      "procuracy",
      "commission",
      "rehabilitation",
      "pardon",
    ]) {
      expect(ids).toContain(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
    for (const g of GLOSSARY) {
      if (g.source !== "common-usage") expect(SOURCES[g.source], g.id).toBeDefined();
      for (const k of g.also ?? []) expect(SOURCES[k], g.id).toBeDefined();
    }
  });

  test("every glossary entry is listed on the sources page under each source it rests on", () => {
    const claims = allClaims().filter((c) => c.area === GLOSSARY_AREA);
    for (const g of GLOSSARY) {
      for (const source of [g.source, ...(g.also ?? [])]) {
        expect(
          claims.some((c) => c.source === source && c.text.startsWith(`${g.term}:`)),
          `${g.id} / ${source}`,
        ).toBe(true);
      }
    }
  });

  test("the 1953 amnesty's total is Adler's archive count, and the other sources' totals are shown beside it", () => {
    const amnesty = glossaryEntry("amnesty-1953")!;
    // The student blog gives no total (brief §3): the 1,201,738 is Adler's.
    expect(amnesty.source).toBe("adler-ch3");
    expect(amnesty.text).toContain("1,201,738");
    expect(amnesty.conflicts).toContain("amnesty-1953-releases");
  });

  test("a glossary entry shows every conflict that names it, and names only conflicts that do", () => {
    for (const g of GLOSSARY) {
      const expected = conflictsConcerning(`glossary:${g.id}`).map((c) => c.id);
      expect([...(g.conflicts ?? [])].sort(), g.id).toEqual(expected.sort());
    }
  });

  test("“zek” is labelled common usage: none of the sources uses the word", () => {
    expect(glossaryEntry("zek")!.source).toBe("common-usage");
  });

  test("the six-month limit for Special Conference cases runs from September 1953, not from a decree of 1954", () => {
    const oso = glossaryEntry("oso")!.text;
    expect(oso).toContain("September 1953");
    expect(oso).not.toMatch(/1954 set six months/);
  });

  test("pardons are the RSFSR Presidium's", () => {
    expect(glossaryEntry("pardon")!.text).toContain("Presidium of the RSFSR Supreme Soviet");
  });
});
