// The explorer in a real browser (docs/explorer.md):
//   node explorer_test.mjs PARANET DATASET WORKDIR [--geo] [SCREENSHOT.png]
// renders DATASET with `paranet render -o X.html` (with --geo: `--layout geo`,
// the map page), opens it from file:// in headless Chromium, and checks it
// against the dataset's JSON and against `paranet info` and `paranet
// partners` of the same views (never against numbers written here):
// - the page loads with no script error and asks for nothing over the network;
// - search finds an actor (by alias, name or id), clicking the result centres
//   the drawing on it, zooms to it and opens the panel with every citation of
//   the actor (text and section/page) and of its first tie; clicking the
//   actor in the drawing opens it too; hovering it lights exactly it, its
//   partners and their ties (`paranet partners`), and dims the rest;
// - the keys: arrows move the drawing 60 px, + and - zoom 1.5x about the
//   middle, 0 shows it whole, / goes to the search box, Esc closes the panel;
// - the counts with the filters as they open, with a type unticked, with the
//   year slider at a year, and with undated ties kept are those of `paranet
//   info FILE --types ... --at YEAR [--undated keep]`;
// - a map: the country outlines are drawn, and take no click (the actors,
//   the lines and the stage get them); the views of `paranet info` and
//   `paranet partners` are then those of the actors with coordinates (the
//   map leaves the others out, with their ties: docs/render.md).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { launch, open } from "./chromium.mjs";

const args = process.argv.slice(2);
const geo = args.includes("--geo");
const [bin, dataset, work, screenshot] = args.filter((a) => a !== "--geo");
if (!bin || !dataset || !work) {
  console.error("usage: node explorer_test.mjs PARANET DATASET WORKDIR [--geo] [SCREENSHOT.png]");
  process.exit(2);
}
const ds = JSON.parse(fs.readFileSync(dataset, "utf8"));
const name = path.basename(dataset, ".json") + (geo ? " (map)" : "");
fs.mkdirSync(work, { recursive: true });
const html = path.join(work, `${path.basename(dataset, ".json")}${geo ? "-map" : ""}.html`);
let failures = 0;
function check(ok, what, detail) {
  console.log(`${ok ? "ok" : "FAIL"} ${name}: ${what}${ok || detail === undefined ? "" : `: ${detail}`}`);
  if (!ok) failures++;
}
function same(got, want, what) {
  check(JSON.stringify(got) === JSON.stringify(want), what,
    `got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
}

execFileSync(bin, ["render", dataset, ...(geo ? ["--layout", "geo"] : []), "-o", html, "-q"],
  { stdio: ["ignore", "inherit", "inherit"] });
// What the page draws: on a map, the actors with coordinates and the ties
// between them (written out for the CLI to count); else the dataset.
const located = (a) => typeof a.lat === "number" && typeof a.lon === "number";
const placed = new Set(ds.actors.filter((a) => !geo || located(a)).map((a) => a.id));
let viewFile = dataset;
if (geo) {
  viewFile = path.join(work, "located.json");
  fs.writeFileSync(viewFile, JSON.stringify({ ...ds, actors: ds.actors.filter((a) => placed.has(a.id)),
    ties: ds.ties.filter((t) => placed.has(t.from) && placed.has(t.to)) }));
}
function info(args) {
  const out = execFileSync(bin, ["info", viewFile, ...args, "-f", "json", "-q"], { encoding: "utf8" });
  const row = JSON.parse(out).rows[0];
  return { actors: row.actors, ties: row.ties };
}
function partners(id, args) {
  const out = execFileSync(bin, ["partners", viewFile, "--actor", id, ...args, "-f", "json", "-q"],
    { encoding: "utf8" });
  return JSON.parse(out).rows.map((r) => r.id).sort();
}

const { context, blocked, close } = await launch();
try {
  const { page, errors, firstDraw } = await open(context, html);
  console.log(`# ${name}: first draw ${firstDraw.toFixed(0)} ms after navigation`);
  const counts = async () => page.locator("#pn-counts").evaluate((e) => ({
    actors: +e.dataset.actors, ties: +e.dataset.ties }));
  // A point of actor i where it is on top (on a map, a neighbour's mark can
  // lie over its middle: Jakarta's over Tangerang Selatan's).
  const spotOf = (i) => page.evaluate((i) => {
    const r = document.getElementById(`a${i}`).getBoundingClientRect();
    for (const [fx, fy] of [[0.5, 0.5], [0.3, 0.5], [0.7, 0.5], [0.5, 0.3], [0.5, 0.7], [0.2, 0.2],
      [0.8, 0.2], [0.2, 0.8], [0.8, 0.8], [0.1, 0.5], [0.9, 0.5], [0.5, 0.1], [0.5, 0.9]]) {
      const x = r.left + r.width * fx, y = r.top + r.height * fy;
      const top = document.elementFromPoint(x, y);
      if (top && top.closest("g.actor") && top.closest("g.actor").id === `a${i}`) return [x, y];
    }
    return [r.left + r.width / 2, r.top + r.height / 2];
  }, i);
  // With the pointer on the actor: the actors lit are it and its partners
  // in the view (`paranet partners` of the same options), the others
  // dimmed; every line lit is one of its ties.
  async function hovered(a, args, what) {
    const lit = await page.evaluate((id) => {
      const ds = JSON.parse(document.getElementById("pn-dataset").textContent);
      const on = (e) => getComputedStyle(e).opacity === "1";
      const actors = [...document.querySelectorAll("g.actor:not(.pn-off)")];
      const ties = [...document.querySelectorAll("g.tie:not(.pn-off)")];
      return { lit: actors.filter(on).map((e) => ds.actors[+e.id.slice(1)].id).filter((x) => x !== id).sort(),
        self: actors.some((e) => on(e) && ds.actors[+e.id.slice(1)].id === id),
        dim: actors.filter((e) => !on(e)).length, other: actors.length,
        lines: ties.filter(on).map((e) => +e.id.slice(1)) };
    }, a.id);
    const want = partners(a.id, args);
    same(lit.lit, want, `hovering ${a.id}${what} lights its ${want.length} partners (paranet partners ${args.join(" ")})`);
    check(lit.self && lit.dim === lit.other - want.length - 1, "and dims every other actor",
      `${lit.dim} of ${lit.other} dimmed`);
    const edges = JSON.parse(await page.locator("#pn-explorer").textContent()).edge;
    const mine = new Set(ds.ties.map((t, i) => (t.from === a.id || t.to === a.id ? edges[i] : -1)));
    check(lit.lines.length > 0 === want.length > 0 && lit.lines.every((k) => mine.has(k)),
      "and lights only its ties", JSON.stringify(lit.lines.slice(0, 5)));
  }

  // ---- hairlines: where a point of the layout is under 0.1 px (the
  // graph's scale over the drawing units per pixel), lines are 0.5 px ----
  const fineness = () => page.evaluate(() => {
    const svg = document.querySelector("#pn-drawing > svg");
    const scale = +svg.querySelector("g.graph").getAttribute("transform").match(/scale\(([^ )]+)/)[1];
    const box = document.getElementById("pn-drawing");
    const v = svg.getAttribute("viewBox").split(" ").map(Number);
    const line = svg.querySelector("g.tie > path");
    return { px: scale / Math.max(v[2] / box.clientWidth, v[3] / box.clientHeight),
      hair: svg.classList.contains("pn-hair"), width: line ? getComputedStyle(line).strokeWidth : null };
  });
  const whole = await fineness();
  check(whole.hair === whole.px < 0.1 && (!whole.hair || whole.width === "0.5px"),
    `${whole.hair ? "hairlines" : "lines as drawn"} at the whole drawing (a point is ${whole.px.toFixed(3)} px)`,
    JSON.stringify(whole));
  if (geo) {
    // ---- the map's outlines: drawn, and not in the pointer's way: on
    // land where nothing else is drawn, the pointer reaches the stage ----
    const land = await page.evaluate(() => {
      const shapes = [...document.querySelectorAll("#pn-drawing g.graph > polygon")].slice(1);
      const r = document.getElementById("pn-drawing").getBoundingClientRect();
      const spots = [];
      let caught = 0;
      const toShape = shapes.length ? shapes[0].getScreenCTM().inverse() : null; /* one group: one matrix */
      for (let i = 1; i < 40 && spots.length < 40; i++) {
        for (let j = 1; j < 40 && spots.length < 40; j++) {
          const x = r.left + r.width * i / 40, y = r.top + r.height * j / 40;
          const at = new DOMPoint(x, y).matrixTransform(toShape);
          const inside = shapes.some((s) => s.isPointInFill(at));
          if (!inside) continue;
          const top = document.elementFromPoint(x, y);
          if (!inside || !top || top.closest("g.actor, g.tie, g.cluster, #pn-zoom")) continue;
          if (shapes.includes(top)) caught++;
          spots.push([x, y]);
        }
      }
      return { outlines: shapes.length, spots, caught };
    });
    check(land.outlines > 0 && land.spots.length > 0, "the map's outlines are drawn",
      `${land.outlines} outlines, ${land.spots.length} spots on land`);
    same(land.caught, 0, "and no outline takes the pointer");
    if (land.spots.length) {
      await page.mouse.click(...land.spots[Math.floor(land.spots.length / 2)]);
      check(await page.locator("#pn-panel").isHidden(), "a click on land opens nothing");
    }
  }

  // ---- search, click, the panel's citations ----
  const cited = ds.actors.filter((a) => placed.has(a.id) && a.sources && a.sources.length);
  const touches = (a) => ds.ties.filter((t) => (t.from === a.id || t.to === a.id) &&
    placed.has(t.from) && placed.has(t.to));
  const actor = cited.find((a) => touches(a).length) || cited[0] || ds.actors.find((a) => placed.has(a.id));
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
  const centreOf = async (sel) => page.locator(sel).evaluate((e) => {
    const r = e.getBoundingClientRect();
    return [r.left + r.width / 2, r.top + r.height / 2];
  });
  // The result centres the actor in the part of the stage the panel leaves
  // free, zoomed in so that it is about a tenth of the stage wide.
  const free = await page.evaluate(() => {
    const s = document.getElementById("pn-stage").getBoundingClientRect();
    const p = document.getElementById("pn-panel").getBoundingClientRect();
    return [s.left + (s.width - p.width) / 2, s.top + s.height / 2, s.width];
  });
  const focused = await page.locator(`#a${index}`).evaluate((e) => e.getBoundingClientRect().width);
  const mid = await centreOf(`#a${index}`);
  check(Math.hypot(mid[0] - free[0], mid[1] - free[1]) < 3, "the result centres the drawing on the actor",
    `${JSON.stringify(mid)} vs ${JSON.stringify(free)}`);
  check(focused >= free[2] / 20, "and zooms to it", `${focused.toFixed(1)} px of ${free[2]}`);
  const zoomed = await fineness();
  check(!zoomed.hair && zoomed.px >= 0.1, "lines as drawn there", JSON.stringify(zoomed));
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
    // A line of the actor's ties in the drawing, clicked at a point on it:
    // the line on top there (its own, or a parallel one over it) opens
    // with the citations of every tie it stands for. (Zoomed in on the
    // actor, a short line can lie under its mark: then a step out, up to 8.)
    const edges = await page.evaluate(() => JSON.parse(document.getElementById("pn-explorer").textContent).edge);
    const mine = [...new Set(touches(actor).map((t) => edges[ds.ties.indexOf(t)]).filter((k) => k >= 0))].slice(0, 20);
    let spot = null;
    for (let out = 0; !spot && out <= 8; out++) {
      if (out) {
        await page.locator("#pn-stage").focus();
        await page.keyboard.press("-");
        await page.waitForTimeout(300);
      }
      spot = await page.evaluate((ks) => {
        for (const k of ks) {
          const hit = document.querySelector(`#e${k} path.pn-hit`);
          const m = hit.getScreenCTM();
          const len = hit.getTotalLength();
          // The middle first; then near the ends (zoomed in on the actor, a
          // long line leaves the window soon after it).
          const ends = [0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001, 0.0005, 0.0002];
          for (const f of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, ...ends, ...ends.map((e) => 1 - e)]) {
            const p = hit.getPointAtLength(len * f);
            const x = m.a * p.x + m.c * p.y + m.e, y = m.b * p.x + m.d * p.y + m.f;
            const top = document.elementFromPoint(x, y);
            const line = top && top.closest("g.tie");
            if (line) return [x, y, +line.id.slice(1)];
          }
        }
        return null;
      }, mine);
    }
    check(spot !== null, "a line of the actor's ties is on top somewhere");
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
  await page.mouse.click(...(await spotOf(index)));
  same(await panel.getAttribute("data-actor"), actor.id, "clicking the actor in the drawing opens it");
  await page.mouse.move(...(await spotOf(index)));
  const partner = tie ? ds.actors.findIndex((a) => a.id === (tie.from === actor.id ? tie.to : tie.from)) : -1;
  await hovered(actor, [], "");
  // ---- pan and zoom: the point under the pointer stays under it ----
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
  // ---- the keys: an arrow moves the drawing 60 px the other way (the view
  // goes the arrow's way), + (or =) and - zoom 1.5x about the middle ----
  await page.locator("#pn-stage").focus();
  const middle = await centreOf("#pn-drawing");
  const press = async (k) => {
    const w = await widthOf();
    await page.keyboard.press(k);
    await page.waitForTimeout(300);
    return [await centreOf(`#a${index}`), w / (await widthOf())];
  };
  let p0 = await centreOf(`#a${index}`);
  for (const [k, dx, dy] of [["ArrowLeft", 60, 0], ["ArrowRight", -60, 0], ["ArrowUp", 0, 60], ["ArrowDown", 0, -60]]) {
    const [p, f] = await press(k);
    check(Math.abs(p[0] - p0[0] - dx) < 1 && Math.abs(p[1] - p0[1] - dy) < 1 && f === 1,
      `${k} moves the drawing by (${dx}, ${dy}) px`, `${JSON.stringify(p0)} -> ${JSON.stringify(p)}`);
    p0 = p;
  }
  for (const [k, zoom] of [["+", 1.5], ["-", 1 / 1.5], ["=", 1.5], ["-", 1 / 1.5]]) {
    const [p, f] = await press(k);
    const want = [middle[0] + (p0[0] - middle[0]) * zoom, middle[1] + (p0[1] - middle[1]) * zoom];
    check(near(p, want) && Math.abs(f - zoom) < 1e-6, `${k} zooms ${zoom.toFixed(3)}x about the middle`,
      `${JSON.stringify(p)} vs ${JSON.stringify(want)}, ${f}`);
    p0 = p;
  }
  await page.mouse.click(...(await spotOf(index)));
  await page.locator("#pn-stage").focus();
  await page.keyboard.press("/");
  same(await page.evaluate(() => document.activeElement.id), "pn-search", "/ goes to the search box");
  check(await panel.isVisible(), "with the actor's panel open");
  await page.keyboard.press("Escape");
  check(await panel.isHidden(), "Esc (in the search box) closes it");
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
  const dated = ds.ties.some((t) => t.since || t.until);
  same(await page.locator("#pn-year").count(), dated ? 1 : 0,
    dated ? "a year slider" : "no year slider: no tie gives a year");
  const busiest = since.size ? [...since.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0] : null;
  const lo = since.size ? Math.min(...since.keys()) : null;
  for (const year of since.size ? [busiest, lo] : []) {
    await page.locator("#pn-year").fill(String(year));
    const args = ["--types", kept.join(","), "--at", String(year)];
    same(await counts(), info(args), `counts at ${year} (${args.join(" ")})`);
    if (year === busiest) {
      // Hover in that view: the actor found again (centred, zoomed), its
      // partners in force that year lit.
      const want = partners(actor.id, args);
      await page.fill("#pn-search", actor.id);
      await page.locator(`#pn-results button[data-actor="${actor.id}"]`).click();
      if (want.length) {
        await page.mouse.move(...(await spotOf(index)));
        await hovered(actor, args, ` at ${year}`);
      } else {
        check(await page.locator(`#a${index}`).evaluate((e) => e.classList.contains("pn-off")),
          `${actor.id} has no tie at ${year}: hidden`);
      }
      await page.keyboard.press("Escape");
      await page.mouse.move(1, 1);
    }
    await page.locator("#pn-undated").check();
    same(await counts(), info([...args, "--undated", "keep"]), `counts at ${year} with --undated keep`);
    await page.locator("#pn-undated").uncheck();
  }
  check(errors.length === 0, "no script error", errors.join("; "));
  check(blocked.length === 0, "no network request", blocked.join(" "));

  if (screenshot) {
    // The figure of docs/explorer.md: the actor found and open in the panel,
    // the drawing zoomed out a step around it and moved down two steps
    // (the partners above it in view), the pointer on it (its ties and
    // partners lit, the rest dimmed).
    await page.reload();
    await page.waitForFunction(() => window.pnExplorer && window.pnExplorer.ready);
    await page.fill("#pn-search", actor.aliases && actor.aliases.length ? actor.aliases[0] : actor.name);
    await page.locator(`#pn-results button[data-actor="${actor.id}"]`).click();
    await page.locator("#pn-stage").focus();
    await page.keyboard.press("-");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    await page.waitForTimeout(400);
    await page.mouse.move(...(await spotOf(index)));
    await page.screenshot({ path: screenshot });
    console.log(`# ${name}: screenshot ${screenshot}`);
  }
} finally {
  await close();
}
console.log(`# ${name}: ${failures ? `${failures} failed` : "all passed"}`);
process.exit(failures ? 1 : 0);
