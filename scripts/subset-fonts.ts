/**
 * Writes the web fonts the app serves (app/fonts/*.woff2) from the
 * @fontsource "latin" originals kept in app/fonts/source/, smaller and
 * drawing the same text. Run by hand after changing an original or the
 * options below, and commit what it writes:
 *
 *   npx tsx scripts/subset-fonts.ts
 *
 * Why: Lighthouse's simulated phone counts every byte a page requests
 * before its first paint, and the three preloaded IBM Plex Sans faces were
 * about 70 kB of it on every page (the seat adds the two Courier Prime
 * faces). Measured on these files, most of what can go without changing a
 * rendered pixel is in two places:
 *
 * - **Hinting** (the fpgm, prep and cvt tables and each glyph's
 *   instructions): a third of Plex and 40% of Courier Prime. Android, iOS,
 *   macOS and Chromium on Linux draw these fonts without it; only Windows'
 *   renderer reads it, to snap stems to pixels at small sizes (ADR 0028).
 * - **Layout features off by default**: `frac`, `numr` and `dnom` pull in
 *   about 3 kB of numerator and denominator figures a face, and the app
 *   never turns them on (no `font-feature-settings`, no
 *   `diagonal-fractions`). Everything applied by default stays: kerning,
 *   ligatures, mark positioning, composition, localised forms.
 *
 * Every character of the originals stays. Students type their own names,
 * and dropping the accented letters and typographic punctuation past ASCII
 * would save under 2 kB a face; app/fonts.test.ts checks that each
 * character the app's own copy uses, and each the original could draw,
 * is still there.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import fontverter from "fontverter";
import { Blob, Face } from "harfbuzzjs";
import subsetFont from "subset-font";

export const FONTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "app", "fonts");
export const SOURCE_DIR = path.join(FONTS_DIR, "source");

/** The faces app/fonts.ts serves, by file name (the same in app/fonts/ and app/fonts/source/). */
export const FACES = [
  "ibm-plex-sans-latin-400-normal.woff2",
  "ibm-plex-sans-latin-600-normal.woff2",
  "ibm-plex-sans-latin-700-normal.woff2",
  "courier-prime-latin-400-normal.woff2",
  "courier-prime-latin-700-normal.woff2",
] as const;

/**
 * The OpenType layout features kept: those browsers apply by default to
 * Latin text (and `kern`, which CSS leaves on). Features a face lacks are
 * simply absent from its subset.
 */
export const KEPT_FEATURES = ["ccmp", "locl", "mark", "mkmk", "kern", "liga", "clig", "calt", "rlig"] as const;

/** The Unicode code points a font's character map covers. */
export async function codePointsOf(font: Uint8Array): Promise<Set<number>> {
  const sfnt = await fontverter.convert(Buffer.from(font), "truetype");
  return new Set(new Face(new Blob(sfnt)).collectUnicodes());
}

/** The served face for one original: every character it has, no hinting, default features only. */
export async function subsetFace(original: Uint8Array): Promise<Uint8Array> {
  const text = String.fromCodePoint(...(await codePointsOf(original)));
  return subsetFont(Buffer.from(original), text, {
    targetFormat: "woff2",
    keepFeatures: [...KEPT_FEATURES],
    noHinting: true,
  });
}

async function main(): Promise<void> {
  for (const name of FACES) {
    const original = readFileSync(path.join(SOURCE_DIR, name));
    const subset = await subsetFace(original);
    writeFileSync(path.join(FONTS_DIR, name), subset);
    process.stdout.write(`${name}: ${original.length} → ${subset.length} bytes\n`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
