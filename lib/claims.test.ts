import { describe, expect, test } from "vitest";
import { allClaims } from "./claims";
import { GLOSSARY } from "./glossary";
import { SOURCE_KEYS, SOURCES } from "./sources";

describe("sources and glossary", () => {
  test("every claim the app makes names a known source or says it is invented", () => {
    const claims = allClaims();
    for (const c of claims) expect([...SOURCE_KEYS, "invented"], c.text).toContain(c.source);
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
    for (const g of GLOSSARY) expect(SOURCES[g.source], g.id).toBeDefined();
  });
});
