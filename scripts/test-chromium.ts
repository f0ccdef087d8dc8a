/**
 * The Chromium the end-to-end tests drive, and how they launch it: one place
 * for playwright.config.ts and the browser benchmarks (bench:browser,
 * bench:web), so a benchmark measures the browser the tests use.
 */
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

/**
 * Which Chromium: $CHROMIUM_PATH, else Debian's /usr/bin/chromium, else
 * Playwright's own download (undefined: Playwright finds it), which an
 * offline machine cannot fetch.
 */
export function chromiumExecutable(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].filter((p): p is string => Boolean(p));
  for (const candidate of candidates) if (existsSync(candidate)) return candidate;
  if (existsSync(chromium.executablePath())) return undefined;
  throw new Error(
    [
      "No Chromium found. Do one of:",
      "  - install Debian's Chromium:  apt-get install -y chromium",
      "  - point CHROMIUM_PATH at a Chromium or Chrome binary",
      "  - download Playwright's own:  npx playwright install chromium",
    ].join("\n"),
  );
}

/**
 * Switches added to Playwright's own. Playwright adds its own set too (it
 * turns off, among others, paint holding and background throttling, which
 * would otherwise hold a headless page's first paint back by whole seconds).
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
] as const;
