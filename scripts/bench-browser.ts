/**
 * `npm run bench:browser -- --url http://localhost:3000`: the what-if lab in
 * Chromium — a 20,000-case run, the national run (467,946 cases) and the
 * 1945 amnesty's national run (1,565,442 prisoners), each in the lab's Web
 * Worker, timed by the page itself. Start the
 * app first (`npm start`). Figures only: nothing here fails a build.
 */
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable } from "./test-chromium";

const arg = (name: string, fallback: string) => {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 && process.argv[k + 1] ? process.argv[k + 1]! : fallback;
};
const base = arg("url", "http://localhost:3000");

const RUNS = [
  { label: "20,000 cases (Rostov's parameters)", query: "s=rostov-1954&seed=1&cases=20000&run=1" },
  { label: "national (467,946 cases)", query: "s=national-1954&seed=1&run=1" },
  { label: "1945 amnesty (1,565,442 prisoners)", query: "s=amnesty-1945&seed=1&run=1" },
];

const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: [...CHROMIUM_ARGS] });
try {
  for (const run of RUNS) {
    const page = await browser.newPage();
    await page.goto(`${base}/lab?${run.query}`);
    const status = page.getByRole("form", { name: "Lab configuration" }).getByRole("status");
    await status.filter({ hasText: /Run 1 finished in/ }).waitFor({ timeout: 600_000 });
    const text = (await status.textContent()) ?? "";
    console.log(`${run.label.padEnd(40)} ${/in ([\d.]+ s)/.exec(text)?.[1] ?? text}`);
    await page.close();
  }
} finally {
  await browser.close();
}
