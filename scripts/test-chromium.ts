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
 * Features Playwright 1.65 turns off itself (its `chromiumSwitches`), repeated
 * here because Chromium keeps only the last `--disable-features` on a command
 * line: ours comes after Playwright's and would otherwise switch its list
 * back on (PaintHolding among them, which holds a headless page's first
 * paint back by whole seconds). e2e/browser-switches.spec.ts reads the
 * browser's own command line and fails if Playwright adds one we lack.
 */
const DISABLED_BY_PLAYWRIGHT = [
  "AvoidUnnecessaryBeforeUnloadCheckSync",
  "DestroyProfileOnBrowserClose",
  "HttpsUpgrades",
  "HttpsFirstBalancedModeAutoEnable",
  "LensOverlay",
  "MediaRouter",
  "PaintHolding",
  "ThirdPartyStoragePartitioning",
  "AvoidCorsURLLoaderRestartOnRedirect",
  "TcpPortRandomizationWin",
  "OptimizationHints",
  "NetworkTimeServiceQuerying",
  "AimEnabled",
  "PreconnectToSearch",
  "msForceBrowserSignIn",
  "msEdgeUpdateLaunchServicesPreferredVersion",
];

/**
 * Chromium 150 and later preload the omnibox's suggestion popup as a web page
 * of its own (chrome://omnibox-popup.top-chrome), even headless, where there
 * is no omnibox to show it in. Its renderer spent about two seconds of CPU in
 * each new browser's first seconds: on a two-core machine, the very seconds a
 * benchmark measures a page load in. A phone runs nothing like it.
 */
export const DISABLED_BY_US = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup"] as const;

/** Switches added to Playwright's own (which turn off, among others, background throttling). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  `--disable-features=${[...DISABLED_BY_PLAYWRIGHT, ...DISABLED_BY_US].join(",")}`,
] as const;
