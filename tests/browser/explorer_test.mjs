// The explorer in a real browser (docs/explorer.md):
//   node explorer_test.mjs PARANET DATASET WORKDIR [SCREENSHOT.png]
// renders DATASET with `paranet render -o X.html`, opens it from file:// in
// headless Chromium, and checks it against the dataset's JSON and against
// `paranet info` of the same views (never against numbers written here):
// - the page loads with no script error and asks for nothing over the network;
// - search finds an actor (by alias, name or id), clicking the result opens
//   the panel with every citation of the actor (text and section/page) and
//   of its first tie; clicking the actor in the drawing opens it too;
//   hovering it lights it and its partners;
// - the counts with the filters as they open, with a type unticked, with the
//   year slider at a year, and with undated ties kept are those of `paranet
//   info FILE --types ... --at YEAR [--undated keep]`.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { launch, open } from "./chromium.mjs";

const [bin, dataset, work, screenshot] = process.argv.slice(2);
if (!bin || !dataset || !work) {
  console.error("usage: node explorer_test.mjs PARANET DATASET WORKDIR [SCREENSHOT.png]");
  process.exit(2);
}
const ds = JSON.parse(fs.readFileSync(dataset, "utf8"));
const name = path.basename(dataset, ".json");
fs.mkdirSync(work, { recursive: true });
const html = path.join(work, `${name}.html`);
let failures = 0;
function check(ok, what, detail) {
  console.log(`${ok ? "ok" : "FAIL"} ${name}: ${what}${ok || detail === undefined ? "" : `: ${detail}`}`);
  if (!ok) failures++;
}
function same(got, want, what) {
  check(JSON.stringify(got) === JSON.stringify(want), what,
    `got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
}

execFileSync(bin, ["render", dataset, "-o", html, "-q"], { stdio: ["ignore", "inherit", "inherit"] });
function info(args) {
  const out = execFileSync(bin, ["info", dataset, ...args, "-f", "json", "-q"], { encoding: "utf8" });
  const row = JSON.parse(out).rows[0];
  return { actors: row.actors, ties: row.ties };
}

const { context, blocked, close } = await launch();
try {
  const { page, errors, firstDraw } = await open(context, html);
  console.log(`# ${name}: first draw ${firstDraw.toFixed(0)} ms after navigation`);
  const counts = async () => page.locator("#pn-counts").evaluate((e) => ({
    actors: +e.dataset.actors, ties: +e.dataset.ties }));

  // ---- search, click, the panel's citations ----
  const cited = ds.actors.filter((a) => a.sources && a.sources.length);
  const touches = (a) => ds.ties.filter((t) => t.from === a.id || t.to === a.id);
  const actor = cited.find((a) => touches(a).length) || cited[0] || ds.actors[0];
  const index = ds.actors.indexOf(actor);
  const cite = (r) => ds.sources.find((s) => s.id === (typeof r === "string" ? r : r.ref)).cite;
  const page_of = (r) => (typeof r === "string" ? null : r.page || null);
  let found = false;
  for (const query of [...(actor.aliases || []), actor.name, actor.id]) {
    await page.fill("#pn-search", query);
    const hit = page.locator(`#pn-results button[data-actor="${actor.id}"]`);
    if (await hit.count()) {
      await hit.click();
      found = true;
      console.log(`# ${name}: '${query}' finds ${actor.id}`);
      break;
    }
  }
  check(found, `search finds ${actor.id}`);
  const panel = page.locator("#pn-panel");
  same(await panel.getAttribute("data-actor"), actor.id, "the result opens the actor's panel");
  check((await panel.locator("h2").textContent()) === actor.name, "the panel is titled with the name");
  const first = panel.locator("ol.pn-sources").first();
  same(await first.locator(".pn-cite-text").allTextContents(), (actor.sources || []).map(cite),
    "the actor's citations are the dataset's, in order");
  same(await first.locator(".pn-page").allTextContents(),
    (actor.sources || []).filter(page_of).map((r) => `Section/page: ${page_of(r)}`),
    "with their sections/pages");
  if (actor.note) check((await panel.textContent()).includes(actor.note), "the panel holds the note");

  const tie = touches(actor)[0];
  if (tie) {
    await panel.locator("ol:not(.pn-sources) button.pn-link").first().click();
    const texts = await panel.locator(".pn-cite-text").allTextContents();
    const pages = await panel.locator(".pn-page").allTextContents();
    check((tie.sources || []).every((r) => texts.includes(cite(r))), "the tie's panel cites its sources",
      JSON.stringify(texts));
    check((tie.sources || []).filter(page_of).every((r) => pages.includes(`Section/page: ${page_of(r)}`)),
      "with their sections/pages");
    check((await panel.textContent()).includes(tie.basis || "reported"), "and its basis");
  }
  if (tie) {
    // The tie's line in the drawing, clicked at a point on it: the line on
    // top there (its own, or a parallel one over it) opens with the
    // citations of every tie it stands for.
    const edges = await page.evaluate(() => JSON.parse(document.getElementById("pn-explorer").textContent).edge);
    const spot = await page.evaluate((k) => {
      const hit = document.querySelector(`#e${k} path.pn-hit`);
      const m = hit.getScreenCTM();
      const len = hit.getTotalLength();
      for (const f of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
        const p = hit.getPointAtLength(len * f);
        const x = m.a * p.x + m.c * p.y + m.e, y = m.b * p.x + m.d * p.y + m.f;
        const top = document.elementFromPoint(x, y);
        const line = top && top.closest("g.tie");
        if (line) return [x, y, +line.id.slice(1)];
      }
      return null;
    }, edges[ds.ties.indexOf(tie)]);
    check(spot !== null, "the tie's line is on top somewhere");
    if (spot) {
      await page.mouse.click(spot[0], spot[1]);
      same(await panel.getAttribute("data-edge"), String(spot[2]), "clicking a line opens its panel");
      const texts = await panel.locator(".pn-cite-text").allTextContents();
      const want = ds.ties.filter((t, i) => edges[i] === spot[2]).flatMap((t) => (t.sources || []).map(cite));
      check(want.length > 0 && want.every((c) => texts.includes(c)), "which cites every tie's sources",
        JSON.stringify(texts.slice(0, 2)));
    }
  }
  await page.keyboard.press("Escape");
  check(await panel.isHidden(), "Escape closes the panel");
  await page.locator(`#a${index}`).click();
  same(await panel.getAttribute("data-actor"), actor.id, "clicking the actor in the drawing opens it");
  await page.locator(`#a${index}`).hover();
  const partner = tie ? ds.actors.findIndex((a) => a.id === (tie.from === actor.id ? tie.to : tie.from)) : -1;
  const hot = await page.evaluate(() => [...document.querySelectorAll(".pn-hot")].map((e) => e.id));
  check(hot.includes(`a${index}`) && (partner < 0 || hot.includes(`a${partner}`)),
    "hovering lights the actor and its partner", JSON.stringify(hot.slice(0, 5)));
  // ---- pan and zoom: the point under the pointer stays under it ----
  const centreOf = async (sel) => page.locator(sel).evaluate((e) => {
    const r = e.getBoundingClientRect();
    return [r.left + r.width / 2, r.top + r.height / 2];
  });
  const near = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1]) < 3;
  const at = await centreOf(`#a${index}`);
  await page.mouse.move(at[0], at[1]);
  await page.mouse.wheel(0, -400);
  await page.waitForTimeout(60);
  check(near(await centreOf(`#a${index}`), at), "wheel zoom keeps the actor under the pointer");
  await page.waitForTimeout(400);
  check(near(await centreOf(`#a${index}`), at), "and so does the sharp redraw after it");
  await page.keyboard.press("Escape");
  await page.mouse.down();
  await page.mouse.move(at[0] + 60, at[1] + 40, { steps: 4 });
  await page.mouse.up();
  await page.waitForTimeout(400);
  const moved = await centreOf(`#a${index}`);
  check(near(moved, [at[0] + 60, at[1] + 40]), "a drag moves the drawing with it", JSON.stringify([at, moved]));
  check(await panel.isHidden(), "a drag that starts on an actor does not open it");
  // A pinch (two touch points moving apart, through the DevTools protocol's
  // touch events) zooms in about its middle.
  const widthOf = async () => +(await page.locator("#pn-drawing > svg").getAttribute("viewBox")).split(" ")[2];
  const before = await widthOf();
  const cdp = await context.newCDPSession(page);
  const touch = (type, d) => cdp.send("Input.dispatchTouchEvent", { type, touchPoints: type === "touchEnd" ? [] :
    [{ x: at[0] - d, y: at[1], id: 0 }, { x: at[0] + d, y: at[1], id: 1 }] });
  await touch("touchStart", 20);
  for (const d of [30, 40, 60, 80]) await touch("touchMove", d);
  await touch("touchEnd", 0);
  await page.waitForTimeout(400);
  const after = await widthOf();
  check(after < before / 2, "a pinch zooms in", `${before} -> ${after}`);
  await page.locator("#pn-stage").focus();
  await page.keyboard.press("0");
  await page.waitForTimeout(400);
  same(await page.locator("#pn-drawing > svg").getAttribute("viewBox"),
    await page.evaluate(() => window.pnExplorer.home.join(" ")), "0 shows the whole drawing");
  await page.keyboard.press("Escape");
  await page.mouse.move(1, 1);

  // ---- filters and the year against paranet info ----
  same(await counts(), info(["--basis", "reported,inferred"]), "counts as the page opens (--basis default)");
  const types = await page.locator('input[data-facet="type"]').evaluateAll((l) => l.map((e) => e.dataset.value));
  let kept = types;
  if (types.length > 1) {
    await page.locator(`#pn-f-type-${types[0]}`).click();
    kept = types.slice(1);
    same(await counts(), info(["--types", kept.join(",")]), `counts without ${types[0]}`);
  } else {
    await page.locator(`#pn-f-type-${types[0]}`).click();
    same(await counts(), { actors: 0, ties: 0 }, `counts without ${types[0]}, the only type`);
    await page.locator(`#pn-f-type-${types[0]}`).click();
  }
  const since = new Map();
  ds.ties.forEach((t) => { if (t.since) { const y = +String(t.since).slice(0, 4); since.set(y, (since.get(y) || 0) + 1); } });
  const busiest = [...since.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
  const lo = Math.min(...since.keys());
  for (const year of [busiest, lo]) {
    await page.locator("#pn-year").fill(String(year));
    const args = ["--types", kept.join(","), "--at", String(year)];
    same(await counts(), info(args), `counts at ${year} (${args.join(" ")})`);
    await page.locator("#pn-undated").check();
    same(await counts(), info([...args, "--undated", "keep"]), `counts at ${year} with --undated keep`);
    await page.locator("#pn-undated").uncheck();
  }
  check(errors.length === 0, "no script error", errors.join("; "));
  check(blocked.length === 0, "no network request", blocked.join(" "));

  if (screenshot) {
    // The figure of docs/explorer.md: the actor found and open in the panel,
    // the drawing zoomed out a step around it and moved down two steps
    // (the partners above it in view), the pointer on its first
    // partner (that partner's ties and partners lit, the rest dimmed).
    await page.reload();
    await page.waitForFunction(() => window.pnExplorer && window.pnExplorer.ready);
    await page.fill("#pn-search", actor.aliases && actor.aliases.length ? actor.aliases[0] : actor.name);
    await page.locator(`#pn-results button[data-actor="${actor.id}"]`).click();
    await page.locator("#pn-stage").focus();
    await page.keyboard.press("-");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    await page.waitForTimeout(400);
    await page.locator(`#a${partner >= 0 ? partner : index}`).hover();
    await page.screenshot({ path: screenshot });
    console.log(`# ${name}: screenshot ${screenshot}`);
  }
} finally {
  await close();
}
console.log(`# ${name}: ${failures ? `${failures} failed` : "all passed"}`);
process.exit(failures ? 1 : 0);
