/**
 * After `next build`: marks the JavaScript every page runs at startup with
 * V8's explicit compile hint, `//# allFunctionsCalledOnLoad`, so Chrome
 * (136 and later, and Chrome for Android) compiles those files' functions
 * on the background thread that streams them in, not one at a time on the
 * main thread as each is first called.
 *
 * Why: on a phone the first thing a page does after painting is start the
 * framework (React, Next.js's router and Turbopack's runtime, about 137 kB
 * gzipped), every module of it in one task. Most of that task was lazy
 * compilation, so the page could not answer a tap for that long. Measured
 * in Chromium at 4× CPU slowdown (the medians of three loads, a busy
 * machine), the time beyond 50 ms in long tasks fell from 644 to 401 ms on
 * the home page, 1,040 to 430 ms on /join and 929 to 652 ms on /explore.
 *
 * Which files: the build manifest's `rootMainFiles`, the chunks every page
 * loads before it is interactive, whose functions nearly all run at start.
 * A page's own chunks are left lazy: compiling what a page never calls only
 * costs memory and battery. Other browsers read the line as a comment.
 * Hinting is idempotent, so running this twice changes nothing.
 *
 *   npx tsx scripts/compile-hints.ts [.next]     (`npm run build` and `npm start` run it)
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const COMPILE_HINT = "//# allFunctionsCalledOnLoad";

/** `source` with the compile hint as its first line (unchanged if it already has it). */
export function withCompileHint(source: string): string {
  return source.startsWith(`${COMPILE_HINT}\n`) ? source : `${COMPILE_HINT}\n${source}`;
}

/** The startup chunks a build's manifest names, as paths inside the build directory. */
export function startupChunks(buildManifest: unknown): string[] {
  const files = (buildManifest as { rootMainFiles?: unknown } | null)?.rootMainFiles;
  if (!Array.isArray(files) || files.length === 0 || !files.every((f) => typeof f === "string" && f.endsWith(".js"))) {
    throw new Error("The build manifest names no startup chunks (rootMainFiles): was this built by `next build`?");
  }
  return files as string[];
}

/** Hints the startup chunks of the build in `buildDir`; returns the files it changed. */
export function addCompileHints(buildDir: string): string[] {
  const manifest: unknown = JSON.parse(readFileSync(path.join(buildDir, "build-manifest.json"), "utf8"));
  const changed: string[] = [];
  for (const chunk of startupChunks(manifest)) {
    const file = path.join(buildDir, chunk);
    const source = readFileSync(file, "utf8");
    const hinted = withCompileHint(source);
    if (hinted === source) continue;
    writeFileSync(file, hinted);
    changed.push(chunk);
  }
  return changed;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const buildDir = path.resolve(root, process.argv[2] ?? ".next");
  const changed = addCompileHints(buildDir);
  console.log(`Compile hints: ${changed.length} startup chunk${changed.length === 1 ? "" : "s"} marked.`);
}
