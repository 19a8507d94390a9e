// Debian's chromium, headless, driven by playwright-core: no browser is
// downloaded, no network is reached (every request that is not file:// is
// aborted and counted), a fresh profile each run.
import { chromium } from "playwright-core";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const CHROMIUM = process.env.PN_CHROMIUM || "/usr/bin/chromium";

export async function launch() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "pn-chromium-"));
  const args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"];
  // A persistent context on a fresh directory: playwright passes it as
  // --user-data-dir (it refuses that flag among args).
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args,
    viewport: { width: 1400, height: 900 },
  });
  const blocked = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:") || url.startsWith("data:")) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  const close = async () => {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { context, blocked, close };
}

// Open an explorer page and wait until it has drawn (two frames after its
// script ran): the time from navigation start, in ms.
export async function open(context, file) {
  const page = context.pages()[0] || (await context.newPage());
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await page.goto("file://" + path.resolve(file), { timeout: 600000 });
  await page.waitForFunction(() => window.pnExplorer && window.pnExplorer.ready, null,
    { timeout: 600000 });
  const firstDraw = await page.evaluate(() => window.pnExplorer.timing.firstDraw);
  return { page, errors, firstDraw };
}

// Click a checkbox (or set the slider) and wait for the next two frames: ms.
export async function timed(page, action) {
  return page.evaluate(async (action) => {
    const start = performance.now();
    if (action.checkbox) document.getElementById(action.checkbox).click();
    if (action.slider !== undefined) {
      const s = document.getElementById("pn-year");
      s.value = action.slider;
      s.dispatchEvent(new Event("input"));
    }
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return performance.now() - start;
  }, action);
}
