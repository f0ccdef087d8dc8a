import { expect, test } from "@playwright/test";
import { DISABLED_BY_US } from "../scripts/test-chromium";

/**
 * Chromium keeps only the last `--disable-features` on its command line, and
 * ours comes after Playwright's own. If a Playwright upgrade turns off a
 * feature our list lacks, that feature would quietly come back on in the tests
 * and benchmarks (as PaintHolding once would have): the browser's own record
 * of its command line shows it.
 */
test("the browser's last --disable-features keeps every feature any earlier one turned off", async ({ page }) => {
  await page.goto("chrome://version");
  const commandLine = await page.locator("#command_line").innerText();
  const lists = [...commandLine.matchAll(/--disable-features=(\S+)/g)].map((match) => match[1]!.split(","));
  expect(lists.length, commandLine).toBeGreaterThan(0);
  const inEffect = new Set(lists.at(-1));
  const asked = new Set(lists.flat());
  expect([...asked].filter((feature) => !inEffect.has(feature))).toEqual([]);
  for (const feature of DISABLED_BY_US) expect(inEffect).toContain(feature);
});
