// The explorer at scale (docs/explorer.md, "How fast"):
//   node tests/bench/explorer_bench.mjs PARANET [DATASET] [WORKDIR] [--geo]
// (DATASET defaults to datasets/twintowns-de.json; --geo: the map page,
// render --layout geo; it needs `npm ci` in tests/browser, whose launcher it
// uses.) Renders the explorer, opens it in headless Chromium from file://
// and prints, in ms (year: none when no tie gives a year):
//   render      paranet render -o X.html (the layout is most of it)
//   first draw  navigation start to the second frame after the script ran
//               (HTML parsed, SVG laid out, JSON read, controls built)
//   filter      a tie-type checkbox clicked to the second frame after it
//               (all ties hidden; all shown again), median of 5
//   year        the year slider moved to a year, to the second frame, median of 5
//   zoom        one '+' key, to the second frame (the drawing scaled), median of 5
//   zoom sharp  the same, until it is redrawn at its new scale (after 180 ms
//               without a move), median of 5
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { launch, open, timed } from "../browser/chromium.mjs";

const here = path.dirname(new URL(import.meta.url).pathname);
const geo = process.argv.includes("--geo");
const [bin, dataset = path.join(here, "../../datasets/twintowns-de.json"),
  work = fs.mkdtempSync(path.join(os.tmpdir(), "pn-bench-"))] = process.argv.slice(2).filter((a) => a !== "--geo");
if (!bin) {
  console.error("usage: node tests/bench/explorer_bench.mjs PARANET [DATASET] [WORKDIR]");
  process.exit(2);
}
const ds = JSON.parse(fs.readFileSync(dataset, "utf8"));
fs.mkdirSync(work, { recursive: true });
const html = path.join(work, path.basename(dataset, ".json") + ".html");
let start = performance.now();
execFileSync(bin, ["render", dataset, ...(geo ? ["--layout", "geo"] : []), "-o", html, "-q"],
  { stdio: ["ignore", "inherit", "inherit"] });
const render = performance.now() - start;
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const { context, close } = await launch();
try {
  const { page, errors, firstDraw } = await open(context, html);
  const type = await page.locator('input[data-facet="type"]').first().getAttribute("id");
  const filter = [];
  for (let k = 0; k < 5; k++) {
    filter.push(await timed(page, { checkbox: type }));
    filter.push(await timed(page, { checkbox: type }));
  }
  const since = ds.ties.filter((t) => t.since).map((t) => +String(t.since).slice(0, 4)).sort();
  const year = [];
  for (let k = 0; since.length && k < 5; k++) {
    year.push(await timed(page, { slider: since[Math.floor(since.length / 2)] }));
    year.push(await timed(page, { slider: since[0] - 1 }));
  }
  const zoom = [];
  const sharp = [];
  await page.locator("#pn-stage").focus();
  for (let k = 0; k < 5; k++) {
    const [moved, settled] = await page.evaluate(async () => {
      const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const t = performance.now();
      const before = window.pnExplorer.timing.settled;
      document.getElementById("pn-stage").dispatchEvent(new KeyboardEvent("keydown", { key: "+", bubbles: true }));
      await frames();
      const moved = performance.now() - t;
      while (window.pnExplorer.timing.settled === before) await new Promise((r) => setTimeout(r, 5));
      await frames();
      return [moved, performance.now() - t];
    });
    zoom.push(moved);
    sharp.push(settled);
  }
  const bytes = fs.statSync(html).size;
  console.log(`dataset     ${path.basename(dataset)}${geo ? " (map)" : ""}: ${ds.actors.length} actors, ${ds.ties.length} ties`);
  console.log(`page        ${(bytes / 1e6).toFixed(1)} MB`);
  console.log(`render      ${render.toFixed(0)} ms`);
  console.log(`first draw  ${firstDraw.toFixed(0)} ms`);
  console.log(`filter      ${median(filter).toFixed(0)} ms (median of ${filter.length}; max ${Math.max(...filter).toFixed(0)})`);
  console.log(year.length ? `year        ${median(year).toFixed(0)} ms (median of ${year.length}; max ${Math.max(...year).toFixed(0)})`
    : "year        none (no tie gives a year: no slider)");
  console.log(`zoom        ${median(zoom).toFixed(0)} ms (median of ${zoom.length}; max ${Math.max(...zoom).toFixed(0)})`);
  console.log(`zoom sharp  ${median(sharp).toFixed(0)} ms (median of ${sharp.length}; max ${Math.max(...sharp).toFixed(0)})`);
  if (errors.length) console.log(`errors      ${errors.join("; ")}`);
} finally {
  await close();
}
