import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { codePointsOf, FACES, FONTS_DIR, SOURCE_DIR, subsetFace } from "@/scripts/subset-fonts";

const ROOT = path.resolve(FONTS_DIR, "..", "..");

/**
 * Every character in the source the app renders from: pages and components
 * under app/, and the copy, glossary, sources and scenarios under lib/.
 * Comments and code come along, which only makes the set larger. Tests and
 * test helpers are left out: their strings (emoji, Arabic, Hebrew) are
 * there to test text handling, not to be shown.
 */
function appCopyCodePoints(): Set<number> {
  const found = new Set<number>();
  for (const dir of ["app", "lib"]) {
    const files = readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" }).filter(
      (file) => /\.(ts|tsx)$/.test(file) && !/\.test\.tsx?$/.test(file) && !/(^|\/)(_testing|testing)\//.test(file),
    );
    for (const file of files) {
      for (const ch of readFileSync(path.join(ROOT, dir, file), "utf8")) found.add(ch.codePointAt(0)!);
    }
  }
  return found;
}

const show = (points: Iterable<number>) =>
  [...points].map((p) => `U+${p.toString(16).toUpperCase().padStart(4, "0")} ${String.fromCodePoint(p)}`);

describe("the served web fonts (scripts/subset-fonts.ts)", () => {
  const copy = appCopyCodePoints();

  test("the app's copy was read: Latin letters, its typographic punctuation and the glossary's Cyrillic", () => {
    for (const ch of "Aaz§—“”…×") expect(copy.has(ch.codePointAt(0)!)).toBe(true);
    // The @fontsource "latin" originals never had Cyrillic: the glossary's Russian words are drawn
    // by the phone's own fonts, as they always were.
    expect(copy.has("с".codePointAt(0)!)).toBe(true);
  });

  describe.each(FACES)("%s", (face) => {
    const original = readFileSync(path.join(SOURCE_DIR, face));
    const served = readFileSync(path.join(FONTS_DIR, face));
    // Each face's character maps, read once for the tests below.
    const maps = Promise.all([codePointsOf(original), codePointsOf(served)]);

    test("draws every character of the app's copy that its original draws", async () => {
      const [had, has] = await maps;
      const lost = [...copy].filter((p) => had.has(p) && !has.has(p));
      expect(show(lost)).toEqual([]);
    });

    test("keeps every character of its original, for the names students type", async () => {
      const [had, has] = await maps;
      expect(show([...had].filter((p) => !has.has(p)))).toEqual([]);
    });

    test("is what scripts/subset-fonts.ts writes from its original (run it after changing either)", async () => {
      const written = await subsetFace(original);
      expect(Buffer.compare(Buffer.from(written), served)).toBe(0);
    });
  });
});
