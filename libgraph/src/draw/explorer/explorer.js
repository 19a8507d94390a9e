/* paranet explorer (docs/explorer.md), written for paranet: pan and zoom,
 * search, hover, the panel of fields and citations, and the filters over
 * paranet's own SVG. The page carries two JSON blocks: #pn-dataset (the
 * dataset, canonical JSON) and #pn-explorer (computed in C: the edge each
 * tie is drawn in, and the years in which the view --at Y keeps it). The
 * rules of time are not here: the year filter only looks a year up in the
 * intervals the library computed. */
(function () {
  "use strict";

  const ds = JSON.parse(document.getElementById("pn-dataset").textContent);
  const ex = JSON.parse(document.getElementById("pn-explorer").textContent);
  const svg = document.querySelector("#pn-drawing > svg");
  const stage = document.getElementById("pn-stage");
  const side = document.getElementById("pn-side");
  const panel = document.getElementById("pn-panel");

  /* ---- the data ---- */
  const actorAt = new Map(ds.actors.map((a, i) => [a.id, i]));
  const sourceOf = new Map(ds.sources.map((s) => [s.id, s]));
  const ties = ds.ties.map((t, i) => ({
    rec: t,
    i,
    from: actorAt.get(t.from),
    to: actorAt.get(t.to),
    edge: ex.edge[i], /* -1: not in the view drawn; -2: in it, not drawn (a self-tie) */
    values: {
      type: [t.type],
      status: [t.status || ""],
      instrument: [t.instrument || ""],
      sector: t.sectors && t.sectors.length ? t.sectors : [""],
      basis: [t.basis || "reported"],
    },
  }));
  const inView = ties.filter((t) => t.edge !== -1);
  const actorEl = [];
  const edgeEl = [];
  svg.querySelectorAll("g.actor").forEach((g) => { actorEl[+g.id.slice(1)] = g; });
  svg.querySelectorAll("g.tie").forEach((g) => { edgeEl[+g.id.slice(1)] = g; });
  const edgeTies = edgeEl.map(() => []);
  const actorTies = ds.actors.map(() => []);
  inView.forEach((t) => {
    if (t.edge >= 0) edgeTies[t.edge].push(t);
    actorTies[t.from].push(t);
    if (t.to !== t.from) actorTies[t.to].push(t);
  });
  const drawn = ds.actors.map((a, i) => !!actorEl[i]);
  /* Country (or kind) boxes, titled "cluster_<key>", hold the actors of class "in-<key>". */
  const boxes = [...svg.querySelectorAll("g.cluster")].map((g) => {
    const key = g.querySelector("title").textContent.replace(/^cluster_/, "");
    const members = [];
    actorEl.forEach((a, i) => { if (a && a.classList.contains(`in-${key}`)) members.push(i); });
    return { g, members, shown: true };
  });

  /* ---- small helpers ---- */
  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "text") e.textContent = v;
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v);
    }
    for (const k of kids) if (k != null) e.append(k);
    return e;
  }
  const fold = (s) => String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const nameOf = (i) => ds.actors[i].name || ds.actors[i].id;

  /* ---- filters: checkboxes and the year ---- */
  const facetNames = { type: "Tie type", status: "Status", instrument: "Instrument",
    sector: "Sector", basis: "Basis" };
  const blank = { status: "not given", instrument: "none", sector: "none" };
  const facets = Object.keys(facetNames).map((key) => {
    const counts = new Map();
    inView.forEach((t) => t.values[key].forEach((v) => counts.set(v, (counts.get(v) || 0) + 1)));
    const order = ex.vocab[key] || [...counts.keys()].filter((v) => v).sort();
    const values = order.filter((v) => counts.has(v));
    if (counts.has("")) values.push("");
    const checked = new Set(key === "basis" ? values.filter((v) => ex.bases.includes(v)) : values);
    return { key, values, counts, checked };
  });
  const years = ex.years || null;
  let year = null; /* null: every year (no --at) */
  let keepUndated = false;

  function inYear(t, i) {
    const spans = (keepUndated ? ex.at_undated : ex.at)[i];
    for (let k = 0; k < spans.length; k += 2) if (spans[k] <= year && year <= spans[k + 1]) return true;
    return false;
  }
  const tieShown = new Array(ties.length).fill(false);
  const actorShown = new Array(ds.actors.length).fill(true);
  const edgeShown = edgeEl.map(() => true);
  const timing = { firstDraw: null, apply: null, settled: null };
  const shown = (t) => tieShown[t.i];

  function apply() {
    const start = performance.now();
    const filtered = year !== null || facets.some((f) => f.checked.size < f.values.length);
    const hasTie = new Array(ds.actors.length).fill(false);
    const edgeOn = edgeEl.map(() => false);
    let nTies = 0;
    ties.forEach((t, i) => {
      const on = t.edge !== -1 && facets.every((f) => t.values[f.key].some((v) => f.checked.has(v))) &&
        (year === null || inYear(t, i));
      tieShown[i] = on;
      if (!on) return;
      nTies++;
      hasTie[t.from] = hasTie[t.to] = true;
      if (t.edge >= 0) edgeOn[t.edge] = true;
    });
    let nActors = 0;
    ds.actors.forEach((a, i) => {
      const on = drawn[i] && (!filtered || hasTie[i]);
      if (on) nActors++;
      if (on !== actorShown[i] && actorEl[i]) actorEl[i].classList.toggle("pn-off", !on);
      actorShown[i] = on;
    });
    edgeEl.forEach((g, k) => {
      if (g && edgeOn[k] !== edgeShown[k]) g.classList.toggle("pn-off", !edgeOn[k]);
      edgeShown[k] = edgeOn[k];
    });
    boxes.forEach((b) => {
      const on = b.members.some((i) => actorShown[i]);
      if (on !== b.shown) b.g.classList.toggle("pn-off", !on);
      b.shown = on;
    });
    const counts = document.getElementById("pn-counts");
    counts.textContent = `${nActors} of ${drawn.filter(Boolean).length} actors, ` +
      `${nTies} of ${inView.length} ties shown`;
    counts.dataset.actors = nActors;
    counts.dataset.ties = nTies;
    timing.apply = performance.now() - start;
  }

  function buildControls() {
    side.append(el("input", { id: "pn-search", type: "search", placeholder: "Find an actor (name, alias, id)",
      "aria-label": "Find an actor", autocomplete: "off" }));
    side.append(el("ul", { id: "pn-results" }));
    side.append(el("div", { id: "pn-counts", role: "status" }));
    side.append(el("div", { id: "pn-view", class: "pn-n", text: `drawn: ${ex.view}` }));
    if (years) {
      side.append(el("h2", { text: "Year" }));
      const label = el("div", { id: "pn-year-label" });
      const slider = el("input", { id: "pn-year", type: "range", min: years[0] - 1, max: years[1],
        step: 1, value: years[0] - 1, "aria-label": "Year (--at)" });
      const undated = el("input", { id: "pn-undated", type: "checkbox" });
      const show = () => {
        year = +slider.value < years[0] ? null : +slider.value;
        label.textContent = year === null ? "every year (no --at)" : `in force in ${year} (--at ${year})`;
        undated.disabled = year === null;
      };
      slider.addEventListener("input", () => { show(); apply(); });
      undated.addEventListener("change", () => { keepUndated = undated.checked; apply(); });
      show();
      side.append(label, slider,
        el("label", { class: "pn-wrap" }, undated, " keep undated ties (--undated keep)"));
    }
    facets.forEach((f) => {
      if (f.values.length === 0) return;
      side.append(el("h2", { text: facetNames[f.key] }));
      f.values.forEach((v) => {
        const box = el("input", { type: "checkbox", id: `pn-f-${f.key}-${v || "none"}`,
          "data-facet": f.key, "data-value": v });
        box.checked = f.checked.has(v);
        box.addEventListener("change", () => {
          if (box.checked) f.checked.add(v); else f.checked.delete(v);
          apply();
        });
        side.append(el("label", { title: v || blank[f.key] }, box, ` ${v || blank[f.key]} `,
          el("span", { class: "pn-n", text: `(${f.counts.get(v)})` })));
      });
    });
    side.append(el("p", { id: "pn-help", text: "Drag or arrows: move. Wheel, pinch or + and -: zoom; " +
      "0: the whole drawing. /: search. Hover an actor: its partners. Click an actor or a tie: " +
      "its fields and sources. Esc: close." }));
    stage.append(el("div", { id: "pn-zoom" },
      el("button", { type: "button", text: "+", title: "zoom in (+)", onclick: () => zoomBy(1.5) }),
      el("button", { type: "button", text: "\u2212", title: "zoom out (-)", onclick: () => zoomBy(1 / 1.5) }),
      el("button", { type: "button", text: "0", title: "the whole drawing (0)", onclick: reset })));
  }

  /* ---- pan and zoom: the SVG's viewBox ----
   * vb is the view asked for, shown at once as a CSS transform of the view
   * last drawn (painted: a cheap step for the browser, however large the
   * drawing); once the moves stop, the viewBox is set to vb and the
   * drawing is redrawn sharp at its new scale. */
  const home = svg.getAttribute("viewBox").split(/[\s,]+/).map(Number);
  let vb = home.slice();
  let painted = home.slice(); /* the view the SVG was last drawn at */
  svg.removeAttribute("width");
  svg.removeAttribute("height");
  svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
  const box = document.getElementById("pn-drawing");
  /* Labels smaller than 3 pixels are not drawn (they cost most of a large
   * drawing's paint, and cannot be read): the first label's height at the
   * whole drawing, scaled by the zoom, says when. */
  const label = svg.querySelector("g.actor text");
  const labelPx = label ? label.getBoundingClientRect().height : 0;
  /* Where a point of the layout is under a tenth of a pixel (the 5,470
   * twin cities seen whole: a line 0.006 px wide, a mark 0.1 px), lines are
   * drawn half a pixel wide and marks' outlines one pixel (pn-hair), so
   * that the network shows; zoomed in, everything is as drawn. */
  const graph = svg.querySelector("g.graph");
  const layoutScale = graph && graph.transform.baseVal.numberOfItems ?
    graph.transform.baseVal.consolidate().matrix.a : 1;
  let far = null;
  let hair = null;
  function detail() {
    const now = labelPx * home[2] / vb[2] < 3;
    if (now !== far) svg.classList.toggle("pn-far", now);
    far = now;
    const thin = layoutScale / unitsOf(vb) < 0.1;
    if (thin !== hair) svg.classList.toggle("pn-hair", thin);
    hair = thin;
  }
  /* Drawing units per pixel of a view, and its centre. */
  const unitsOf = (v) => Math.max(v[2] / box.clientWidth, v[3] / box.clientHeight);
  const centre = (v) => [v[0] + v[2] / 2, v[1] + v[3] / 2];
  const unitsPerPixel = () => unitsOf(vb);
  let frame = 0;
  let settle = 0;
  function commit() {
    clearTimeout(settle);
    settle = 0;
    painted = vb.slice();
    svg.setAttribute("viewBox", vb.join(" "));
    svg.style.transform = "";
    detail();
    timing.settled = performance.now();
  }
  function draw() {
    if (!frame) frame = requestAnimationFrame(() => {
      frame = 0;
      const u = unitsOf(vb);
      const [a, b] = centre(painted);
      const [c, d] = centre(vb);
      svg.style.transform = `translate(${(a - c) / u}px, ${(b - d) / u}px) scale(${unitsOf(painted) / u})`;
    });
    clearTimeout(settle);
    settle = setTimeout(commit, 180);
  }
  detail();
  /* A point of the window in drawing units (of vb). */
  function toDrawing(cx, cy) {
    const r = box.getBoundingClientRect();
    const u = unitsPerPixel();
    const [x, y] = centre(vb);
    return [x + (cx - r.left - r.width / 2) * u, y + (cy - r.top - r.height / 2) * u];
  }
  function zoomAt(cx, cy, factor) {
    const w = vb[2] / factor;
    if (w < home[2] / 10000 || w > home[2] * 20) return;
    const [x, y] = toDrawing(cx, cy);
    vb = [x - (x - vb[0]) / factor, y - (y - vb[1]) / factor, w, vb[3] / factor];
    draw();
  }
  function zoomBy(factor) {
    const r = box.getBoundingClientRect();
    zoomAt(r.left + r.width / 2, r.top + r.height / 2, factor);
  }
  function panBy(dx, dy) {
    const u = unitsPerPixel();
    vb[0] -= dx * u;
    vb[1] -= dy * u;
    draw();
  }
  function reset() { vb = home.slice(); draw(); }
  /* Centre an element in the part of the stage the panel leaves, and zoom
   * so that it is about a tenth of the stage (as far as the deepest zoom:
   * a city among 5,470 is a fraction of a pixel in the whole drawing); an
   * actor is raised above the rest. */
  function focusOn(g) {
    commit();
    /* Drawn last, so on top: on a map, a neighbour's mark may lie over it
     * at every zoom (Jakarta's over Tangerang Selatan's). */
    if (g.classList.contains("actor")) g.parentNode.append(g);
    const r = g.getBoundingClientRect();
    const [x, y] = toDrawing(r.left + r.width / 2, r.top + r.height / 2);
    const w = Math.min(home[2], Math.max(r.width * unitsPerPixel() * 10, home[2] / 2000));
    const h = w * box.clientHeight / box.clientWidth;
    const aside = panel.hidden ? 0 : panel.offsetWidth / 2;
    vb = [x - w / 2, y - h / 2, w, h];
    vb[0] += aside * unitsPerPixel();
    commit();
  }

  const pointers = new Map();
  let press = null; /* the press that may become a click */
  stage.addEventListener("pointerdown", (e) => {
    if (e.target.closest("#pn-zoom")) return;
    pointers.set(e.pointerId, [e.clientX, e.clientY]);
    press = pointers.size === 1 ? { x: e.clientX, y: e.clientY, target: e.target, moved: false } : null;
    stage.setPointerCapture(e.pointerId);
    stage.classList.add("pn-dragging");
  });
  stage.addEventListener("pointermove", (e) => {
    const last = pointers.get(e.pointerId);
    if (!last) return;
    if (pointers.size === 2) {
      const [a, b] = [...pointers.values()];
      const before = Math.hypot(a[0] - b[0], a[1] - b[1]);
      pointers.set(e.pointerId, [e.clientX, e.clientY]);
      const [c, d] = [...pointers.values()];
      const after = Math.hypot(c[0] - d[0], c[1] - d[1]);
      if (before > 0) zoomAt((c[0] + d[0]) / 2, (c[1] + d[1]) / 2, after / before);
      return;
    }
    pointers.set(e.pointerId, [e.clientX, e.clientY]);
    if (press && Math.hypot(e.clientX - press.x, e.clientY - press.y) > 4) press.moved = true;
    if (!press || press.moved) panBy(e.clientX - last[0], e.clientY - last[1]);
  });
  function release(e) {
    pointers.delete(e.pointerId);
    if (pointers.size === 0) stage.classList.remove("pn-dragging");
    if (e.type === "pointerup" && press && !press.moved) pick(press.target);
    press = null;
  }
  stage.addEventListener("pointerup", release);
  stage.addEventListener("pointercancel", release);
  stage.addEventListener("wheel", (e) => {
    e.preventDefault();
    const dy = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
    zoomAt(e.clientX, e.clientY, Math.exp(-dy * 0.002));
  }, { passive: false });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape") { closePanel(); unhover(); return; }
    if (e.target.closest("input, textarea, select") || e.ctrlKey || e.metaKey || e.altKey) return;
    const step = 60;
    const keys = { "+": () => zoomBy(1.5), "=": () => zoomBy(1.5), "-": () => zoomBy(1 / 1.5),
      "0": reset, ArrowLeft: () => panBy(step, 0), ArrowRight: () => panBy(-step, 0),
      ArrowUp: () => panBy(0, step), ArrowDown: () => panBy(0, -step),
      "/": () => document.getElementById("pn-search").focus() };
    if (keys[e.key]) { e.preventDefault(); keys[e.key](); }
  });

  /* ---- hover: an actor, its partners and ties ---- */
  let hot = [];
  function unhover() {
    hot.forEach((g) => g.classList.remove("pn-hot"));
    hot = [];
    svg.classList.remove("pn-dim");
  }
  function hover(i) {
    unhover();
    hot.push(actorEl[i]);
    actorTies[i].forEach((t) => {
      if (!shown(t)) return;
      if (t.edge >= 0) hot.push(edgeEl[t.edge]);
      hot.push(actorEl[t.from === i ? t.to : t.from]);
    });
    hot = hot.filter(Boolean);
    hot.forEach((g) => g.classList.add("pn-hot"));
    svg.classList.add("pn-dim");
  }
  svg.addEventListener("mouseover", (e) => {
    if (pointers.size) return;
    const g = e.target.closest("g.actor");
    if (g) hover(+g.id.slice(1));
  });
  svg.addEventListener("mouseout", (e) => {
    const g = e.target.closest("g.actor");
    if (g && !g.contains(e.relatedTarget)) unhover();
  });
  /* Ties are thin lines: a wide invisible stroke over each takes the pointer.
   * Graphviz draws a double line as its two lines with transparent ones
   * between them: those are dropped (nothing visible changes; a large
   * drawing has thousands). */
  svg.querySelectorAll('g.tie > path[stroke="transparent"]').forEach((p) => p.remove());
  edgeEl.forEach((g) => {
    const path = g && g.querySelector("path");
    if (!path) return;
    const hit = path.cloneNode(false);
    hit.setAttribute("class", "pn-hit");
    hit.setAttribute("stroke-width", "10");
    hit.setAttribute("vector-effect", "non-scaling-stroke");
    hit.removeAttribute("stroke-dasharray");
    g.append(hit);
  });

  /* ---- the panel ---- */
  let selected = null;
  function select(g) {
    if (selected) selected.classList.remove("pn-sel");
    selected = g;
    if (g) g.classList.add("pn-sel");
  }
  function closePanel() { panel.hidden = true; panel.replaceChildren(); select(null); }
  function pick(target) {
    const g = target.closest && target.closest("g.actor, g.tie");
    if (!g) return;
    if (g.classList.contains("actor")) showActor(+g.id.slice(1));
    else showEdge(+g.id.slice(1));
  }
  function value(v) {
    if (Array.isArray(v) && v.every((x) => typeof x !== "object")) return v.join("; ");
    return typeof v === "object" ? JSON.stringify(v) : String(v);
  }
  function citations(refs) {
    const list = el("ol", { class: "pn-sources" });
    (refs || []).forEach((r) => {
      const id = typeof r === "string" ? r : r.ref;
      const page = typeof r === "string" ? null : r.page;
      const s = sourceOf.get(id) || { id, cite: "(no such source)" };
      const li = el("li", { class: "pn-cite" }, el("span", { class: "pn-cite-text", text: s.cite }));
      if (s.year) li.append(` (${s.year})`);
      if (page) li.append(el("br"), el("span", { class: "pn-page", text: `Section/page: ${page}` }));
      if (s.url) li.append(el("br"), el("a", { href: s.url, rel: "noreferrer", text: s.url }));
      li.append(el("br"), el("span", { class: "pn-n", text: `[${id}]` }));
      for (const [k, v] of Object.entries(s)) {
        if (!["id", "cite", "url", "year"].includes(k)) li.append(el("br"), `${k}: ${value(v)}`);
      }
      list.append(li);
    });
    return list;
  }
  function fields(rec, defaults) {
    const dl = el("dl");
    const all = Object.assign({}, defaults, rec);
    for (const [k, v] of Object.entries(all)) {
      if (k === "sources") continue;
      const dd = el("dd", { text: value(v) });
      if (k === "basis") dd.className = `pn-basis-${v}`;
      if (k === "from" || k === "to") {
        const i = actorAt.get(v);
        dd.replaceChildren(el("button", { class: "pn-link", text: `${nameOf(i)} (${v})`,
          onclick: () => { showActor(i); if (actorEl[i]) focusOn(actorEl[i]); } }));
      }
      dl.append(el("dt", { text: k }), dd);
    }
    return dl;
  }
  function openPanel(title, g) {
    panel.replaceChildren(el("button", { class: "pn-close", type: "button", text: "\u00d7",
      title: "close (Esc)", onclick: closePanel }), el("h2", { text: title }));
    panel.hidden = false;
    select(g);
  }
  function showActor(i) {
    const a = ds.actors[i];
    openPanel(nameOf(i), actorEl[i]);
    panel.dataset.actor = a.id;
    delete panel.dataset.edge;
    panel.append(fields(a), el("h3", { text: "Sources" }), citations(a.sources));
    const list = el("ol");
    actorTies[i].forEach((t) => {
      const other = t.from === i ? t.to : t.from;
      const what = [t.rec.type, t.rec.instrument, t.rec.status, t.rec.since].filter(Boolean).join(", ");
      const hidden = shown(t) ? "" : " (hidden by the filters)";
      list.append(el("li", {}, el("button", { class: "pn-link", text: `${nameOf(other)}: ${what}${hidden}`,
        onclick: () => (t.edge >= 0 ? showEdge(t.edge) : showTies([t], null)) })));
    });
    panel.append(el("h3", { text: `Ties (${actorTies[i].length})` }), list);
  }
  function showTies(list, g) {
    openPanel(list.length === 1 ? "A tie" : `${list.length} ties drawn as one line`, g);
    list.forEach((t) => {
      panel.append(el("h3", { text: `${nameOf(t.from)} \u2013 ${nameOf(t.to)}` +
        (shown(t) ? "" : " (hidden by the filters)") }));
      panel.append(fields(t.rec, { basis: "reported" }), el("h4", { text: "Sources" }), citations(t.rec.sources));
    });
  }
  function showEdge(k) {
    showTies(edgeTies[k], edgeEl[k]);
    panel.dataset.edge = k;
    delete panel.dataset.actor;
  }

  /* ---- search ---- */
  const keys = ds.actors.map((a) => [a.id, a.name, ...(a.aliases || [])].filter(Boolean).map(fold));
  function search(q) {
    const f = fold(q.trim());
    const out = [];
    if (!f) return out;
    for (let i = 0; i < keys.length && out.length < 30; i++) {
      if (!drawn[i]) continue;
      const at = keys[i].findIndex((k) => k.includes(f));
      if (at >= 0) out.push([i, at]);
    }
    return out;
  }
  function choose(i) {
    showActor(i);
    focusOn(actorEl[i]);
  }
  function buildSearch() {
    const input = document.getElementById("pn-search");
    const results = document.getElementById("pn-results");
    input.addEventListener("input", () => {
      results.replaceChildren(...search(input.value).map(([i, at]) => {
        const a = ds.actors[i];
        const alias = at >= 2 ? ` \u201c${a.aliases[at - 2]}\u201d` : "";
        return el("li", {}, el("button", { type: "button", "data-actor": a.id, onclick: () => choose(i) },
          nameOf(i), el("span", { class: "pn-n", text: `${alias} (${a.id})` })));
      }));
    });
    input.addEventListener("keydown", (e) => {
      const first = results.querySelector("button");
      if (e.key === "Enter" && first) first.click();
    });
  }

  buildControls();
  buildSearch();
  apply();
  requestAnimationFrame(() => requestAnimationFrame(() => {
    timing.firstDraw = performance.now();
    window.pnExplorer.ready = true;
  }));
  window.pnExplorer = { ready: false, timing, home };
})();
