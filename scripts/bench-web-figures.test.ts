import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  DEFAULT_RUNS,
  firstLoadJs,
  firstLoadScriptUrls,
  gzipSize,
  median,
  pagesToMeasure,
  parseBenchWebArgs,
} from "./bench-web-figures";
import { UsageError } from "./loadtest-args";

function usageError(argv: string[]): string {
  try {
    parseBenchWebArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).message;
  }
  throw new Error(`expected a usage error for ${argv.join(" ")}`);
}

describe("parseBenchWebArgs", () => {
  test("no arguments: build, start and measure with the default runs", () => {
    expect(parseBenchWebArgs([])).toEqual({
      url: null,
      runs: DEFAULT_RUNS,
      port: null,
      json: false,
      email: null,
      password: null,
      help: false,
    });
  });

  test("every option is read, in either --name value or --name=value form", () => {
    expect(
      parseBenchWebArgs([
        "--url=https://class.example.org/spravka/",
        "--runs",
        "5",
        "--json",
        "--email",
        "teacher@school.org",
        "--password=correct horse",
      ]),
    ).toEqual({
      url: "https://class.example.org/spravka",
      runs: 5,
      port: null,
      json: true,
      email: "teacher@school.org",
      password: "correct horse",
      help: false,
    });
    expect(parseBenchWebArgs(["--port", "3202", "-h"])).toMatchObject({ port: 3202, url: null, help: true });
  });

  test("bad input is refused with a sentence naming the option", () => {
    expect(usageError(["--runs", "0"])).toMatch(/--runs must be between 1 and/);
    expect(usageError(["--runs=2.5"])).toMatch(/--runs must be a whole number/);
    expect(usageError(["--port", "70000"])).toMatch(/--port must be between/);
    expect(usageError(["--url", "ftp://x"])).toMatch(/--url must use http or https/);
    expect(usageError(["--url", "http://x", "--port", "3000"])).toMatch(/--port is for the server/);
    expect(usageError(["--url", "http://x", "--email", "a@b"])).toMatch(/together/);
    expect(usageError(["--email", "a@b", "--password", "p"])).toMatch(/--email is for --url/);
    expect(usageError(["--url", "http://x", "--email", "nobody", "--password", "p"])).toMatch(/email address/);
    expect(usageError(["--frobnicate"])).toMatch(/frobnicate/);
    expect(usageError(["--json=yes"])).toMatch(/json/);
    expect(usageError(["http://x"])).toMatch(/Unexpected argument "http:\/\/x"/);
    expect(usageError(["--url="])).toMatch(/--url needs a value/);
  });

  test("any runs count in range is taken as given; any outside is refused", () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 40 }), (n) => {
        const argv = ["--runs", String(n)];
        if (n >= 1 && n <= 15) expect(parseBenchWebArgs(argv).runs).toBe(n);
        else expect(() => parseBenchWebArgs(argv)).toThrow(UsageError);
      }),
    );
  });
});

describe("pagesToMeasure", () => {
  test("the seat and console are the run's, the join link carries its code", () => {
    const pages = pagesToMeasure("run-1", "AB CD");
    expect(pages.find((p) => p.visitor === "seat")?.path).toBe("/play/run-1");
    expect(pages.find((p) => p.visitor === "owner")?.path).toBe("/runs/run-1");
    expect(pages.map((p) => p.path)).toContain("/join?code=AB%20CD");
    expect(pages.filter((p) => p.audience === "instructor").map((p) => p.label)).toEqual(["console", "lab"]);
  });
});

// ───────────────────────────── first-load JS ─────────────────────────────

const PAGE = "http://127.0.0.1:3202/play/run-1";
const chunkName = fc.stringMatching(/^[a-z0-9]{1,8}$/).map((s) => `/_next/static/chunks/${s}.js`);

/** The ways a page's HTML can name a script it downloads at once. */
const reference = (src: string, form: number) =>
  [
    `<script src="${src}" async=""></script>`,
    `<link rel="preload" as="script" fetchPriority="low" href="${src}"/>`,
    `<link rel="modulepreload" href='${src}'>`,
    `<script async src=${src}></script>`,
    `<script type="module" src="${src}"></script>`,
  ][form]!;

/** What the HTML also has that is not a script download. */
const NOISE = [
  `<script>self.__next_f.push([1,"static/chunks/not-a-tag.js"])</script>`,
  `<link rel="stylesheet" href="/_next/static/css/app.css"/>`,
  `<link rel="preload" as="font" href="/_next/static/media/font.woff2" crossorigin=""/>`,
  // React escapes "<" in attribute values, so a script tag can only be text here.
  `<p title="&lt;script src=/fake.js&gt;">&lt;script src="/fake.js"&gt;</p>`,
  `<script type="application/ld+json">{"a":1}</script>`,
  // Only browsers without JavaScript modules fetch these (Next.js's polyfills).
  `<script src="/_next/static/chunks/polyfills.js" noModule="" nonce="abc"></script>`,
  `<script type="application/json" src="/data.json"></script>`,
];

describe("firstLoadScriptUrls", () => {
  test("each script named by script src, modulepreload or preload-as-script, once, in order of first mention", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(chunkName, fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: NOISE.length })), {
          maxLength: 20,
        }),
        (refs) => {
          const html = `<!DOCTYPE html><html><head>${refs
            .map(([src, form, noise]) => reference(src, form) + (NOISE[noise] ?? ""))
            .join("\n")}</head><body></body></html>`;
          const expected = [...new Set(refs.map(([src]) => new URL(src, PAGE).href))];
          expect(firstLoadScriptUrls(html, PAGE)).toEqual(expected);
        },
      ),
    );
  });

  test("relative and absolute references resolve against the page; entities are decoded", () => {
    const html = `<script src="chunk.js?a=1&amp;b=2"></script><script src="https://cdn.example/x.js#top"></script>`;
    expect(firstLoadScriptUrls(html, PAGE)).toEqual([
      "http://127.0.0.1:3202/play/chunk.js?a=1&b=2",
      "https://cdn.example/x.js",
    ]);
  });
});

describe("firstLoadJs", () => {
  test("sums each distinct script gzipped on its own, downloading it once", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(chunkName, { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 20 }),
        fc.array(fc.string({ maxLength: 300 }), { minLength: 8, maxLength: 8 }),
        async (names, picks, texts) => {
          const bodies = new Map(names.map((name, k) => [new URL(name, PAGE).href, Buffer.from(texts[k]!.repeat(3))]));
          const mentioned = picks.map((p) => names[p % names.length]!);
          const html = mentioned.map((src, k) => reference(src, k % 5)).join("");
          const downloads: string[] = [];
          const figures = await firstLoadJs(html, PAGE, (url) => {
            downloads.push(url);
            return Promise.resolve(bodies.get(url)!);
          });
          const distinct = [...new Set(mentioned.map((src) => new URL(src, PAGE).href))];
          expect(downloads.sort()).toEqual([...distinct].sort());
          expect(figures.chunks).toBe(distinct.length);
          expect(figures.rawBytes).toBe(distinct.reduce((s, url) => s + bodies.get(url)!.length, 0));
          expect(figures.gzBytes).toBe(distinct.reduce((s, url) => s + gzipSync(bodies.get(url)!).length, 0));
        },
      ),
    );
  });

  test("a page with no script downloads nothing", async () => {
    const figures = await firstLoadJs("<html><script>inline()</script></html>", PAGE, () => {
      throw new Error("nothing should be downloaded");
    });
    expect(figures).toEqual({ chunks: 0, rawBytes: 0, gzBytes: 0 });
  });
});

describe("gzipSize", () => {
  test("is the size at zlib level 6, and repetitive JS shrinks", () => {
    const js = Buffer.from("function add(a,b){return a+b}\n".repeat(200));
    expect(gzipSize(js)).toBe(gzipSync(js, { level: 6 }).length);
    expect(gzipSize(js)).toBeLessThan(js.length / 10);
  });
});

describe("median", () => {
  test("no values: none", () => {
    expect(median([])).toBeNull();
  });

  test("an even count takes the mean of the middle two", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  test("does not depend on order; at least half the values are at or below it and at least half at or above", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.double({ noNaN: true, min: -1e6, max: 1e6 }).map((x) => x + 0), // -0 and 0 are one value here
          { minLength: 1 },
        ),
        (xs) => {
          const m = median(xs)!;
          expect(median([...xs].reverse())).toBe(m);
          expect(xs.filter((x) => x <= m).length * 2).toBeGreaterThanOrEqual(xs.length);
          expect(xs.filter((x) => x >= m).length * 2).toBeGreaterThanOrEqual(xs.length);
          if (xs.length % 2 === 1) expect(xs).toContain(m);
        },
      ),
    );
  });
});
