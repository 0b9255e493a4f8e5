// newsledger web page: a story view (toll series per source, conflicts, timeline, entities),
// a document list, a document view with evidence marks, and search. Plain DOM code: every
// piece of data becomes a text node (never HTML), so stored text cannot inject markup, and
// the page runs under a strict Content-Security-Policy.
"use strict";

const METRICS = ["killed", "injured", "detained", "missing", "displaced", "evacuated",
  "rescued", "deployed", "participants", "charged"];
const PALETTE = ["#1f6fb2", "#d2572b", "#2e8b57", "#8e44ad", "#b8860b", "#c0392b",
  "#16a085", "#7f8c8d", "#e67e22", "#2c3e50"];

// ------------------------------------------------------------------ small helpers

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

async function api(path) {
  const r = await fetch(path, { headers: { Accept: "application/json" } });
  let body = null;
  try { body = await r.json(); } catch (_) { /* not JSON */ }
  if (!r.ok) throw new Error((body && body.error) || `${r.status} ${r.statusText}`);
  return body;
}

// Every page of a listing, up to `max` items.
async function apiAll(path, max) {
  const items = [];
  let cursor = null;
  const sep = path.includes("?") ? "&" : "?";
  do {
    const page = await api(path + sep + "limit=500" + (cursor ? "&cursor=" + encodeURIComponent(cursor) : ""));
    items.push(...page.items);
    cursor = page.next;
  } while (cursor && items.length < (max || 5000));
  return items;
}

function valueText(v) {
  if (!v) return "";
  const n = (x) => Number(x).toLocaleString("en");
  switch (v.kind) {
    case "exact": return n(v.low);
    case "at_least": return "≥ " + n(v.low);
    case "at_most": return "≤ " + n(v.high ?? v.low);
    case "approx": return "≈ " + n(v.low);
    case "range": return n(v.low) + "–" + n(v.high ?? v.low);
    default: return v.text ? `“${v.text}”` : n(v.low);
  }
}

// Source chain, origin first, ending at the outlet that published it.
function chain(sources, outlet) {
  const links = [...(sources || [])];
  if (outlet && links[links.length - 1] !== outlet) links.push(outlet);
  if (links.length === 0) return el("span", { class: "chain muted" }, "own voice");
  const out = el("span", { class: "chain" });
  links.forEach((s, i) => {
    if (i > 0) out.append(el("span", { class: "arrow", "aria-hidden": "true" }, " → "));
    out.append(el("span", { class: i === 0 ? "origin" : "relay" }, s));
  });
  return out;
}

// A sentence with `focus` marked inside it.
function sentenceWith(sentence, focus, cls) {
  const i = focus ? sentence.indexOf(focus) : -1;
  if (i < 0) return el("q", { class: "evidence-text" }, sentence);
  return el("q", { class: "evidence-text" },
    sentence.slice(0, i),
    el("mark", { class: cls || "focus" }, focus),
    sentence.slice(i + focus.length));
}

// A search snippet: the store brackets hits as [term].
function snippet(s) {
  const out = el("span", { class: "snippet" });
  const re = /\[([^\]]*)\]/g;
  let last = 0, m;
  while ((m = re.exec(s)) !== null) {
    out.append(s.slice(last, m.index), el("mark", {}, m[1]));
    last = m.index + m[0].length;
  }
  out.append(s.slice(last));
  return out;
}

function docLink(doc, label) {
  if (!doc) return el("span", {}, label || "");
  return el("a", { href: `#/text/${doc.content_id}`, class: "doclink", title: doc.url || doc.ext_id },
    label || `${doc.outlet || doc.ext_id}${doc.published ? ", " + doc.published : ""}`);
}

function section(id, title, ...body) {
  return el("section", { id, class: "panel" }, el("h2", {}, title), ...body);
}

function note(text, cls) {
  return el("p", { class: "note " + (cls || "") }, text);
}

function toTime(day) {
  // Only calendar days go on the time axis; coarser values (weeks, months) stay in tables.
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day || "");
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) / 1000 : null;
}

function setView(name) {
  document.body.dataset.view = name;
  for (const a of document.querySelectorAll("[data-nav]")) {
    a.classList.toggle("active", a.dataset.nav === name);
  }
}

function ready() { document.body.dataset.ready = "1"; }

// ------------------------------------------------------------------ story view

async function storyView(params) {
  setView("story");
  const metric = METRICS.includes(params.get("metric")) ? params.get("metric") : "killed";
  const main = document.getElementById("main");
  const select = el("select", { id: "metric", "aria-label": "Metric",
    onchange: (e) => { location.hash = "#/?metric=" + e.target.value; } },
    METRICS.map((m) => el("option", { value: m, selected: m === metric }, m)));
  main.replaceChildren(
    el("div", { class: "toolbar" }, el("label", {}, "Metric ", select)),
    section("story-answer", `The story answer: ${metric}`, note("Loading…")),
    section("estimates", "Best current estimate", note("Loading…")),
    section("series", `Reported ${metric} toll, per source`, note("Loading…")),
    section("conflicts", "Where sources disagree", note("Loading…")),
    el("div", { class: "two" },
      section("timeline", "Event timeline", note("Loading…")),
      section("entities", "Entities", note("Loading…"))));
  const q = "metric=" + encodeURIComponent(metric);
  await Promise.all([
    fill("story-answer", () => api("/api/story?" + q).then((s) => renderStory(s, metric))),
    fill("estimates", () => api("/api/estimates?" + q + "&limit=50").then((p) => renderEstimates(p.items))),
    fill("series", () => apiAll("/api/series?" + q, 2000).then((s) => renderSeries(s, metric))),
    fill("conflicts", () => apiAll("/api/conflicts", 2000).then(renderConflicts)),
    fill("timeline", () => apiAll("/api/timeline", 2000).then(renderTimeline)),
    fill("entities", () => api("/api/entities?aggregate=true&limit=60").then((p) => renderEntities(p.items))),
  ]);
  ready();
}

async function fill(id, make) {
  const box = document.getElementById(id);
  const title = box.querySelector("h2");
  try {
    const content = await make();
    const nodes = [content].flat();
    box.replaceChildren(title, ...nodes);
    // Work that needs its nodes in the page (chart code measures its box).
    for (const f of nodes.flatMap((n) => n.afterAttach || [])) {
      try { f(); } catch (e) { box.append(note("Could not draw: " + e.message, "error")); }
    }
  } catch (e) {
    box.replaceChildren(title, note("Could not load: " + e.message, "error"));
  }
}

// A figure as cited by the story answer: value, source, day, evidence and a link to it.
function citedItem(c, cls) {
  const label = `${c.outlet || "source"}${c.published ? ", " + c.published : ""}`;
  return el("li", { class: cls || "cited" + (c.unconfirmed ? " unconfirmed" : "") },
    el("strong", {}, valueText(c.value)), " — ", c.origin,
    c.as_of ? ` · as of ${c.as_of}` : "", c.period ? ` · period ${c.period}` : "",
    c.unconfirmed ? " · unconfirmed" : "", " — ",
    el("a", { href: `#/text/${c.content_id}`, class: "doclink", title: c.link }, label), " ",
    sentenceWith(c.sentence, c.value.text));
}

const RULE_TEXT = {
  first_report: "first report", latest_as_of: "latest as-of day wins",
  more_articles: "same day: more independent articles", higher_count: "same day: higher count",
  revision: "revision replaces the earlier figure", retraction: "earlier figure withdrawn",
  only_unconfirmed: "nothing firm: unconfirmed figure shown",
};

function renderStory(s, metric) {
  const m = (s.metrics || [])[0];
  if (!m) return note(`No ${metric} figures stored.`);
  const c = m.current;
  const head = el("div", { class: "story-current", "data-status": c.status },
    el("div", { class: "big" }, c.status === "range"
      ? `${Number(c.low).toLocaleString("en")}–${Number(c.high).toLocaleString("en")}`
      : c.status === "total" ? valueText(c.value) : "no total reported"),
    el("div", {}, c.summary));
  const out = [head,
    el("ul", { class: "story-sources" }, c.sources.map((x) => citedItem(x)))];
  if (m.chain.length) {
    out.push(el("h3", {}, "How it got there"),
      el("ol", { class: "story-chain" }, m.chain.map((st) => el("li", { class: "chain-step" },
        el("strong", {}, valueText(st.value)), ` — ${st.origin} · as of ${st.as_of || "undated"} · `,
        el("em", {}, RULE_TEXT[st.rule] || st.rule), " · first in ",
        el("a", { href: `#/text/${st.first_reported.content_id}`, class: "doclink",
          title: st.first_reported.link },
          st.first_reported.outlet || "source")))));
  }
  if (m.increments.length) {
    out.push(el("h3", {}, "Increments (shown, never added up)"),
      el("ul", {}, m.increments.map((x) => citedItem(x, "increment"))));
  }
  if (m.unconfirmed.length) {
    out.push(el("h3", {}, "Unconfirmed (shown, not chosen)"),
      el("ul", {}, m.unconfirmed.map((x) => citedItem(x, "cited unconfirmed"))));
  }
  if (m.breakdowns.length) {
    out.push(el("h3", {}, "Breakdowns (never mixed with the total)"),
      el("table", { class: "breakdowns" },
        el("thead", {}, el("tr", {}, ["by", "group", "place", "latest", "source", "as of"]
          .map((h) => el("th", {}, h)))),
        el("tbody", {}, m.breakdowns.map((b) => el("tr", { class: "breakdown" },
          el("td", {}, b.by), el("td", {}, b.group), el("td", {}, b.place || ""),
          el("td", {}, valueText(b.latest.value)), el("td", {}, b.latest.origin),
          el("td", {}, b.latest.as_of || ""))))));
  }
  out.push(el("p", { class: "muted small" }, s.rules));
  return out;
}

function renderEstimates(items) {
  if (!items.length) return note("No figures for this metric.");
  const grid = el("div", { class: "cards" });
  for (const e of items) {
    grid.append(el("div", { class: "card" },
      el("div", { class: "big" }, valueText(e.value)),
      el("div", {}, `${e.group_class}${e.place ? " · " + e.place : ""}${e.as_of ? " · as of " + e.as_of : ""}`),
      el("div", { class: "muted" }, "per ", e.origin, " — ", docLink(e.evidence.doc)),
      el("details", {}, el("summary", {}, "evidence and rule"),
        sentenceWith(e.evidence.sentence, e.evidence.value_text),
        el("p", { class: "muted small" }, e.rule))));
  }
  return grid;
}

// One chart per origin source; inside it one line per (group, place).
function renderSeries(series, metric) {
  if (!series.length) return note(`No ${metric} figures stored.`);
  const grouped = new Map();
  for (const s of series) {
    if (!grouped.has(s.origin)) grouped.set(s.origin, []);
    grouped.get(s.origin).push(s);
  }
  // Most-cited sources first; the long tail of one-off sources is folded away below.
  const articlesOf = (list) => list.reduce((n, s) => n + s.articles, 0);
  const byOrigin = [...grouped.entries()].sort((a, b) => articlesOf(b[1]) - articlesOf(a[1]) || a[0].localeCompare(b[0]));
  // One shared time range, so charts of different sources line up.
  const times = series.flatMap((s) => s.points.map((p) => toTime(p.as_of))).filter((t) => t !== null);
  const xmin = Math.min(...times) - 43200, xmax = Math.max(...times) + 43200;
  const TOP = 9;
  const afterAttach = [];
  const wrap = el("div", { class: "charts", "data-charts": byOrigin.length });
  const more = el("div", { class: "charts" });
  let colour = 0;
  for (const [n, [origin, list]] of byOrigin.entries()) {
    const box = el("figure", { class: "chart", "data-origin": origin });
    const articles = articlesOf(list);
    box.append(el("figcaption", {}, el("strong", {}, origin),
      el("span", { class: "muted" }, ` — ${list.length} series, ${articles} article${articles === 1 ? "" : "s"}`)));
    const xs = [...new Set(list.flatMap((s) => s.points.map((p) => toTime(p.as_of))).filter((t) => t !== null))].sort((a, b) => a - b);
    const plotDiv = el("div", { class: "plot" });
    box.append(plotDiv);
    const table = el("table", { class: "points" },
      el("thead", {}, el("tr", {}, ["group", "place", "as of", "value", "evidence"].map((h) => el("th", {}, h)))));
    const tbody = el("tbody");
    const uSeries = [{}];
    const data = [xs];
    for (const s of list) {
      const stroke = PALETTE[colour++ % PALETTE.length];
      uSeries.push({ label: `${s.group_class}${s.place ? " · " + s.place : ""}`, stroke, width: 2,
        points: { show: true, size: 7, fill: stroke }, spanGaps: true });
      const ys = xs.map(() => null);
      for (const p of s.points) {
        const i = xs.indexOf(toTime(p.as_of));
        if (i >= 0) ys[i] = Math.max(ys[i] ?? 0, p.value.low);
        const ev = p.evidence[0];
        tbody.append(el("tr", {},
          el("td", {}, s.group_class), el("td", {}, s.place || "—"), el("td", {}, p.as_of || "—"),
          el("td", { class: "num" }, valueText(p.value)),
          el("td", {}, ev ? sentenceWith(ev.sentence, ev.value_text) : "",
            ev ? el("div", { class: "small" }, chain(ev.sources, ev.doc.outlet), " · ", docLink(ev.doc),
              p.evidence.length > 1 ? ` (+${p.evidence.length - 1} more)` : "") : "")));
      }
      data.push(ys);
    }
    table.append(tbody);
    box.append(el("details", {}, el("summary", {}, "values and evidence"), table));
    (n < TOP ? wrap : more).append(box);
    if (xs.length && window.uPlot) {
      const opts = {
        width: 520, height: 220,
        scales: { x: { time: true, range: [xmin, xmax] }, y: { range: (u, lo, hi) => [0, Math.max(1, hi * 1.15)] } },
        axes: [{}, { size: 60 }],
        series: uSeries,
        legend: { live: false },
      };
      // Drawn by fill() right after the figure is in the page, so uPlot can measure it.
      afterAttach.push(() => {
        opts.width = Math.max(320, Math.min(640, plotDiv.clientWidth || 520));
        new window.uPlot(opts, data, plotDiv);
        plotDiv.dataset.points = String(data.slice(1).flat().filter((v) => v !== null).length);
      });
    } else if (!xs.length) {
      plotDiv.append(note("No dated values to plot (see the table)."));
    }
  }
  wrap.afterAttach = afterAttach;
  if (byOrigin.length > TOP) {
    return [wrap, el("details", { class: "more-sources" },
      el("summary", {}, `${byOrigin.length - TOP} more sources`), more)];
  }
  return wrap;
}

function renderConflicts(items) {
  if (!items.length) return note("No conflicting figures.");
  const table = el("table", { id: "conflicts-table" },
    el("thead", {}, el("tr", {}, ["metric", "group", "place", "date", "kind", "sides"].map((h) => el("th", {}, h)))));
  const tbody = el("tbody");
  for (const c of items) {
    const sides = el("div", { class: "sides" });
    for (const s of c.sides) {
      const ev = s.evidence[0];
      sides.append(el("div", { class: "side" },
        el("div", {}, el("strong", { class: "num" }, valueText(s.value)), " per ", el("span", { class: "origin" }, s.origin),
          s.evidence.length > 1 ? el("span", { class: "muted" }, ` (${s.evidence.length} reports)`) : ""),
        ev ? sentenceWith(ev.sentence, ev.value_text) : "",
        ev ? el("div", { class: "small" }, chain(ev.sources, ev.doc.outlet), " · ", docLink(ev.doc)) : ""));
    }
    tbody.append(el("tr", { class: "conflict" },
      el("td", {}, c.metric), el("td", {}, c.group_class), el("td", {}, c.place || "—"),
      el("td", {}, c.date), el("td", {}, (c.kinds || []).join(", ")), el("td", {}, sides)));
  }
  table.append(tbody);
  return table;
}

function renderTimeline(items) {
  if (!items.length) return note("No events.");
  const list = el("ol", { class: "timeline" });
  for (const t of items) {
    const s = t.supports[0];
    const who = [t.agents.join(", "), t.targets.join(", ")].filter(Boolean).join(" → ");
    list.append(el("li", { class: "tl-entry" },
      el("div", { class: "tl-head" },
        el("span", { class: "tl-date" }, t.date || "undated"), " ",
        el("span", { class: "tag" }, t.kind), t.place ? " · " + t.place : "", who ? " · " + who : "",
        el("span", { class: "muted" }, ` — ${t.articles} article${t.articles === 1 ? "" : "s"}`)),
      s ? sentenceWith(s.sentence, s.trigger) : "",
      el("div", { class: "small" }, t.supports.map((x, i) => [i ? ", " : "", docLink(x.doc)]).flat(),
        s && s.claim_speaker ? el("span", { class: "muted" }, " · per " + s.claim_speaker) : "")));
  }
  return list;
}

function renderEntities(items) {
  if (!items.length) return note("No entities.");
  const table = el("table", { class: "entities" },
    el("thead", {}, el("tr", {}, ["name", "type", "docs", "mentions"].map((h) => el("th", {}, h)))));
  const tbody = el("tbody");
  for (const e of items) {
    tbody.append(el("tr", {},
      el("td", {}, e.name, e.names.length ? el("div", { class: "muted small" }, "also: " + e.names.join("; ")) : ""),
      el("td", {}, e.type + (e.subtype ? " / " + e.subtype : "")),
      el("td", { class: "num" }, e.documents), el("td", { class: "num" }, e.mentions)));
  }
  table.append(tbody);
  return table;
}

// ------------------------------------------------------------------ documents

async function docsView() {
  setView("docs");
  const main = document.getElementById("main");
  main.replaceChildren(section("documents", "Documents", note("Loading…")));
  await fill("documents", async () => {
    const docs = await apiAll("/api/documents", 5000);
    if (!docs.length) return note("The store is empty.");
    const table = el("table", { class: "docs" },
      el("thead", {}, el("tr", {}, ["published", "outlet", "title", "version", ""].map((h) => el("th", {}, h)))));
    const tbody = el("tbody");
    for (const d of docs) {
      const target = { ...d.doc, content_id: d.copy_of || d.doc.content_id };
      tbody.append(el("tr", {},
        el("td", {}, d.doc.published || "—"), el("td", {}, d.doc.outlet || "—"),
        el("td", {}, docLink(target, d.doc.title || d.doc.ext_id)),
        el("td", { class: "num" }, d.doc.version + (d.doc.is_current ? "" : " (superseded)")),
        el("td", { class: "muted small" }, d.copy_of ? "copy of text " + d.copy_of : "")));
    }
    table.append(tbody);
    return table;
  });
  ready();
}

// ------------------------------------------------------------------ one text

async function textView(id) {
  setView("text");
  const main = document.getElementById("main");
  main.replaceChildren(note("Loading…"));
  let v;
  try {
    v = await api("/api/texts/" + encodeURIComponent(id));
  } catch (e) {
    main.replaceChildren(note("Could not load: " + e.message, "error"));
    ready();
    return;
  }
  const kindOf = new Map();
  v.records.figures.forEach((r) => kindOf.set(r.rid, "figure"));
  v.records.claims.forEach((r) => kindOf.set(r.rid, "claim"));
  v.records.events.forEach((r) => kindOf.set(r.rid, "event"));

  const body = el("div", { class: "doctext", id: "doctext" });
  for (const p of v.pieces) {
    if (!p.refs.length && !p.focus.length) { body.append(p.text); continue; }
    const kinds = [...new Set(p.refs.map((r) => kindOf.get(r)))].filter(Boolean);
    let node = el("mark", { class: "evidence " + kinds.map((k) => "ev-" + k).join(" "),
      "data-refs": p.refs.join(" "), title: p.refs.join(", ") }, p.text);
    if (p.focus.length) {
      node = el("mark", { class: "evidence focus", "data-refs": [...p.refs, ...p.focus].join(" ") }, p.text);
    }
    body.append(node);
  }

  const select = (rid) => {
    for (const m of body.querySelectorAll("mark.active")) m.classList.remove("active");
    for (const c of document.querySelectorAll(".record.active")) c.classList.remove("active");
    const marks = [...body.querySelectorAll("mark[data-refs]")].filter((m) => m.dataset.refs.split(" ").includes(rid));
    marks.forEach((m) => m.classList.add("active"));
    const card = document.getElementById("rec-" + rid);
    if (card) card.classList.add("active");
    if (marks[0]) marks[0].scrollIntoView({ block: "center", behavior: "smooth" });
  };
  const recCard = (rid, kind, head, ...rest) => el("li", { class: `record rec-${kind}`, id: "rec-" + rid,
    onclick: () => select(rid), tabindex: "0", onkeydown: (e) => { if (e.key === "Enter") select(rid); } },
    el("div", { class: "rec-head" }, el("span", { class: "rid" }, rid), " ", head),
    ...rest,
    v.unlocated.includes(rid) ? el("div", { class: "error small" }, "evidence not found in this text") : "");

  const side = el("aside", { class: "records" });
  const f = v.records.figures;
  side.append(el("h3", {}, `Figures (${f.length})`), el("ul", {}, f.map((r) => recCard(r.rid, "figure",
    el("span", {}, el("strong", { class: "num" }, valueText(r.value)), ` ${r.metric} · ${r.group_class}`,
      r.place ? " · " + r.place : "", r.as_of ? " · as of " + r.as_of : "", r.hedged ? el("span", { class: "tag warn" }, "hedged") : ""),
    el("div", { class: "small" }, "source: ", chain(r.sources, r.doc.outlet))))));
  const c = v.records.claims;
  side.append(el("h3", {}, `Claims (${c.length})`), el("ul", {}, c.map((r) => recCard(r.rid, "claim",
    el("span", {}, r.speaker ? el("strong", {}, r.speaker) : el("em", { class: "muted" }, "no source named"), ` ${r.cue} (${r.kind})`, r.date ? " · " + r.date : "",
      r.hedged ? el("span", { class: "tag warn" }, "hedged") : ""),
    el("div", { class: "small" }, "chain: ", chain(r.chain, r.doc.outlet))))));
  const ev = v.records.events;
  side.append(el("h3", {}, `Events (${ev.length})`), el("ul", {}, ev.map((r) => recCard(r.rid, "event",
    el("span", {}, el("span", { class: "tag" }, r.kind), " ", r.status, r.date ? " · " + r.date : "",
      r.place ? " · " + r.place : ""),
    el("div", { class: "small" }, [r.agent, r.target].filter(Boolean).join(" → ") || "",
      r.claim_speaker ? el("span", {}, " · per ", chain([r.claim_speaker], r.doc.outlet)) : "")))));
  const en = v.records.entities;
  side.append(el("h3", {}, `Entities (${en.length})`), el("ul", { class: "entity-list" },
    en.map((r) => el("li", {}, el("span", { class: "tag" }, r.kind), " ", r.name, el("span", { class: "muted" }, ` ×${r.mentions}`)))));

  const d = v.doc || (v.appearances[0] || {});
  const apps = v.appearances.length > 1
    ? el("p", { class: "small muted" }, "Also appeared at: ",
      v.appearances.map((a, i) => [i ? "; " : "", `${a.outlet || "?"}${a.published ? " " + a.published : ""}${a.near ? " (near copy)" : ""}`]).flat())
    : "";
  main.replaceChildren(
    el("div", { class: "dochead" },
      el("h2", {}, d.title || d.ext_id || "Text " + v.content_id),
      el("p", { class: "muted" }, [d.outlet, d.published, d.version ? "version " + d.version : null].filter(Boolean).join(" · "),
        d.url ? [" · ", el("a", { href: d.url, rel: "noopener noreferrer" }, d.url)] : ""),
      apps,
      el("p", { class: "legend small" }, el("mark", { class: "evidence ev-figure" }, "figure"), " ",
        el("mark", { class: "evidence ev-claim" }, "claim"), " ", el("mark", { class: "evidence ev-event" }, "event"), " ",
        el("mark", { class: "evidence focus" }, "number / trigger"), " — click a record to find its evidence.")),
    el("div", { class: "docgrid" }, body, side));
  ready();
}

// ------------------------------------------------------------------ search

async function searchView(params) {
  setView("search");
  const q = (params.get("q") || "").trim();
  document.getElementById("search-q").value = q;
  const main = document.getElementById("main");
  main.replaceChildren(section("results", `Search: ${q}`, note("Loading…")));
  await fill("results", async () => {
    if (!q) return note("Type something to search for.");
    const page = await api("/api/search?q=" + encodeURIComponent(q) + "&limit=100");
    if (!page.items.length) return note("No matches.");
    return el("ol", { class: "hits" }, page.items.map((h) => el("li", {},
      el("span", { class: "tag" }, h.kind + (h.rid ? " " + h.rid : "")), " ", docLink(h.doc), el("div", {}, snippet(h.snippet)))));
  });
  ready();
}

// ------------------------------------------------------------------ router

async function route() {
  document.body.dataset.ready = "";
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, qs] = hash.split("?");
  const params = new URLSearchParams(qs || "");
  const m = /^\/text\/(\d+)$/.exec(path);
  if (m) return textView(m[1]);
  if (path === "/docs") return docsView();
  if (path === "/search") return searchView(params);
  return storyView(params);
}

async function loadStats() {
  try {
    const s = await api("/api/stats");
    const c = s.counts;
    document.getElementById("stats").textContent =
      `${c.documents} documents · ${c.figures} figures · ${c.claims} claims · ${c.events} events · ${s.backend}${s.writable ? " · writable" : ""}`;
  } catch (_) { /* the header line is optional */ }
}

document.getElementById("search-form").addEventListener("submit", (e) => {
  e.preventDefault();
  location.hash = "#/search?q=" + encodeURIComponent(document.getElementById("search-q").value);
});
window.addEventListener("hashchange", route);
loadStats();
route();
