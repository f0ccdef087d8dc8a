import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { addCompileHints, COMPILE_HINT, startupChunks, withCompileHint } from "./compile-hints";

describe("withCompileHint", () => {
  test("puts the hint on a line of its own before the source, once, however often it runs", () => {
    fc.assert(
      fc.property(fc.string(), (source) => {
        const once = withCompileHint(source);
        expect(once).toBe(source.startsWith(`${COMPILE_HINT}\n`) ? source : `${COMPILE_HINT}\n${source}`);
        expect(withCompileHint(once)).toBe(once);
        expect(once.endsWith(source)).toBe(true);
      }),
    );
  });
});

describe("startupChunks", () => {
  test("are the manifest's root main files", () => {
    expect(startupChunks({ rootMainFiles: ["static/chunks/a.js", "static/chunks/b.js"] })).toEqual([
      "static/chunks/a.js",
      "static/chunks/b.js",
    ]);
  });

  test.each([null, {}, { rootMainFiles: [] }, { rootMainFiles: ["static/chunks/a.css"] }, { rootMainFiles: [3] }])(
    "a manifest without them is refused, with a sentence: %j",
    (manifest) => {
      expect(() => startupChunks(manifest)).toThrow(/names no startup chunks/);
    },
  );
});

describe("addCompileHints", () => {
  test("marks the startup chunks of a build and nothing else, and a second run changes nothing", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "compile-hints-"));
    mkdirSync(path.join(dir, "static", "chunks"), { recursive: true });
    const chunk = (name: string) => path.join(dir, "static", "chunks", name);
    writeFileSync(chunk("startup.js"), "(()=>{startup()})();");
    writeFileSync(chunk("page.js"), "(()=>{page()})();");
    writeFileSync(
      path.join(dir, "build-manifest.json"),
      JSON.stringify({ rootMainFiles: ["static/chunks/startup.js"] }),
    );

    expect(addCompileHints(dir)).toEqual(["static/chunks/startup.js"]);
    expect(readFileSync(chunk("startup.js"), "utf8")).toBe(`${COMPILE_HINT}\n(()=>{startup()})();`);
    expect(readFileSync(chunk("page.js"), "utf8")).toBe("(()=>{page()})();");
    expect(addCompileHints(dir)).toEqual([]);
    expect(readFileSync(chunk("startup.js"), "utf8")).toBe(`${COMPILE_HINT}\n(()=>{startup()})();`);
  });
});
