import { chromium } from "playwright";
import fs from "node:fs";
const [, , file, y, h, out] = process.argv;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const page = await browser.newPage({ viewport: { width: 1280, height: Number(h) } });
const data = fs.readFileSync(file).toString("base64");
await page.setContent(`<html><body style="margin:0;overflow:hidden"><img src="data:image/png;base64,${data}" style="display:block;margin-top:-${y}px"></body></html>`);
await page.screenshot({ path: out });
await browser.close();
