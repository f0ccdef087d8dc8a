import { describe, expect, test } from "vitest";
import { RULES } from "@/machines/rules";
import { allClaims, GLOSSARY_AREA, RULES_1945_AREA } from "./claims";
import { GLOSSARY, glossaryEntry } from "./glossary";
import { AMNESTY_SCENARIOS } from "./sim/amnesty/scenarios";
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

  test("the 1945 amnesty's scenario figures, tallies and provenance are listed, and rest on Alexopoulos", () => {
    const claims = allClaims();
    expect(AMNESTY_SCENARIOS.length).toBeGreaterThan(0);
    for (const s of AMNESTY_SCENARIOS) {
      const area = `Scenario: ${s.title}`;
      const mine = claims.filter((c) => c.area === area);
      for (const c of s.compare)
        expect(
          mine.some((m) => m.text === c.label && m.source === c.source),
          `${s.id}: ${c.label}`,
        ).toBe(true);
      for (const t of s.tallies) {
        const tally = mine.find((m) => m.text.startsWith(t.label));
        expect(tally?.source, `${s.id}: ${t.label}`).toBe("alexopoulos-1945");
        if (t.freed !== undefined) expect(tally!.text).toContain(t.freed.toLocaleString("en"));
      }
      for (const [path, p] of Object.entries(s.provenance))
        expect(
          mine.some((m) => m.text === `${path}: ${p.note}` && m.source === p.source),
          `${s.id}: ${path}`,
        ).toBe(true);
      // What the source does not give is listed as the game's, not as the source's.
      expect(mine.some((m) => m.source === "invented")).toBe(true);
    }
    const alexopoulos = claims.filter((c) => c.source === "alexopoulos-1945");
    expect(alexopoulos.filter((c) => c.area.startsWith("Scenario: ")).length).toBeGreaterThan(10);
    expect(alexopoulos.some((c) => c.text === "194,074 new prisoners by October 1")).toBe(true);
  });

  test("the 1945 amnesty's rules are listed apart from the 1954–55 review's", () => {
    const claims = allClaims();
    for (const [id, rule] of Object.entries(RULES)) {
      const area = id.startsWith("amnesty1945") ? RULES_1945_AREA : "The rules of the review";
      expect(
        claims.some((c) => c.area === area && c.text === rule.claim && c.source === rule.source),
        id,
      ).toBe(true);
    }
    expect(claims.filter((c) => c.area === RULES_1945_AREA).every((c) => c.source === "alexopoulos-1945")).toBe(true);
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
      "exile",
      "amnesty-1953",
      // The 1945 amnesty and the words it brings.
      "amnesty-1945",
      "ourz",
      "shirking",
      "labour-laws-1940",
      "law-1941-12-26",
      "recidivist",
      "transit-checkpoint",
      "xx-congress",
      "article-59",
      // Bodies and words the letter form, the dossier and the release papers use.
      "mvd",
      "kgb",
      "presidium",
      "rsfsr",
      "military-tribunal",
      "stazh",
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

  test("the 1940 labour laws are common usage; what the 1945 entries say beyond the brief is said to be common knowledge", () => {
    expect(glossaryEntry("labour-laws-1940")!.source).toBe("common-usage");
    expect(glossaryEntry("shirking")!.source).toBe("alexopoulos-1945");
    expect(glossaryEntry("shirking")!.text).toContain("78%");
    expect(glossaryEntry("shirking")!.text).toMatch(/common knowledge, not from Spravka's sources/);
    const congress = glossaryEntry("xx-congress")!;
    // brief §1: the speech is recorded by the essay and both student blogs.
    expect([congress.source, ...(congress.also ?? [])].sort()).toEqual(
      ["17moments", "blog-destalinization", "blog-not-all-free"].sort(),
    );
    expect(congress.text).toMatch(/common knowledge/);
    // brief §2 gives Article 59 one figure and nothing on what it covered: the entry says no more.
    expect(glossaryEntry("article-59")!.text).toContain("12,765");
    expect(glossaryEntry("article-59")!.text).toMatch(/do not say what it covered/);
  });

  test("the 1945 amnesty's entry shows the conflict over how fast new prisoners arrived", () => {
    const amnesty = glossaryEntry("amnesty-1945")!;
    expect(amnesty.source).toBe("alexopoulos-1945");
    expect(amnesty.text).toContain("194,074");
    expect(amnesty.conflicts).toEqual(["amnesty-1945-arrivals"]);
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
