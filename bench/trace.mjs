// 7. Where the time goes on a cold open: a Chromium trace (DevTools protocol Tracing domain) of
// each view, from the getTokenInfo call to the first paint, at CPU 4× and +50 ms per gateway
// request. The main thread's busy time by phase, the style and layout updates script forced
// (and which SDK code forced them), and CPU samples per SDK function through the source map of
// the bench's "profile" build. Two what-if pages: the SDK's stylesheet already in the page, and a
// host page that already shows Chinese text and a form (the engine's first-use font work done).
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { openPage } from "./lib/browser.mjs";
import { failureReason, loadBenchPage, openView } from "./lib/site.mjs";
import { ms, na, range, summarize } from "./lib/stats.mjs";
import { VIEWS } from "./lib/views.mjs";
import { decodeMappings, originalAt } from "./lib/profile.mjs";
import { mainThreadSummary, PHASES, startTrace, traceProfile } from "./lib/trace-events.mjs";
import { sharedUmdBuild } from "./lib/umd-build.mjs";
import { CPU_RATE, LATENCY_MS, sourceName } from "./time-to-view.mjs";

/** The attribute by which the SDK finds its own stylesheet (src/views/styles.ts). */
const STYLE_ATTRIBUTE = "data-ydrz-jssdk";

/** DOM calls that make the engine bring style and layout up to date at once. */
const FORCING_CALL =
  /\b(getBoundingClientRect|getClientRects|getComputedStyle|focus|scrollIntoView|offset(?:Width|Height|Top|Left|Parent)|client(?:Width|Height|Top|Left)|scroll(?:Width|Height|Top|Left)|innerText)\b/;

const PHASE_TITLES = {
  script: "script run",
  compile: "compile",
  style: "style recalc",
  layout: "layout",
  fonts: "fonts",
  paint: "paint/composite",
  parse: "parse HTML/CSS",
  gc: "GC",
  ipc: "IPC/loading",
  other: "other",
};

/** A line that starts a function: the name is the first group that matched ("" if none). */
const FUNCTION_START =
  /(?:function\s*\*?\s*([\w$]*)\s*(?:<[^(]*>)?\s*\(|(?:const|let|var)\s+([\w$]+)\s*(?::[^=]+)?=\s*(?:async\s*)?(?:\(|[\w$]+\s*=>|function)|([\w$]+)\s*:\s*(?:async\s*)?\([^)]*\)?\s*(?::[^=]+)?=>|^\s*(?:async\s+)?([\w$]+)\s*\([^)]*\)?\s*(?::[^{]+)?\{\s*$|=>\s*\{?\s*$)/;

const KEYWORDS = /^(if|for|while|switch|catch|return|function|new|else|do|try)$/;

/** The name a line gives the function it starts, "" for an anonymous one, null for none. */
function declaredName(text) {
  const m = FUNCTION_START.exec(text ?? "");
  if (!m) return null;
  const name = m[1] || m[2] || m[3] || m[4] || "";
  return KEYWORDS.test(name) ? null : name;
}

/**
 * Original positions of the profile build (0-based lines and columns): `start(line, column)`
 * labels the function that starts there (a CPU profile node), `site(line, column)` a position in
 * code (a sample, a trace stack frame): its file, the function around it, the line's code.
 * Function labels read "src/views/x.ts:12 name", the line being the function's first.
 */
function sourceMapper(map) {
  const lines = decodeMappings(map.mappings);
  const texts = map.sources.map((_, i) => String(map.sourcesContent?.[i] ?? "").split("\n"));
  const files = map.sources.map(sourceName);
  const cache = new Map();
  const indent = (s) => /^\s*/.exec(s ?? "")[0].length;
  const site = (line, column) => {
    const o = originalAt(lines, line, column);
    if (!o) return { file: "UMD (unmapped)", fn: "UMD (unmapped)", line: 0, code: "" };
    const text = texts[o.source];
    const key = `${o.source}:${o.line}`;
    if (!cache.has(key)) {
      // The nearest line above (or this one) that starts a function and is indented less.
      let fn = `${files[o.source]} (top level)`;
      for (let i = o.line; i >= 0; i--) {
        if (i < o.line && indent(text[i]) >= indent(text[o.line])) continue;
        const name = declaredName(text[i]);
        if (name !== null) {
          fn = `${files[o.source]}:${i + 1} ${name || "(anonymous)"}`;
          break;
        }
      }
      cache.set(key, fn);
    }
    return {
      file: files[o.source],
      fn: cache.get(key),
      line: o.line + 1,
      code: (text[o.line] ?? "").trim().slice(0, 60),
    };
  };
  return {
    site,
    start(line, column) {
      const o = originalAt(lines, line, column);
      if (!o) return "UMD (unmapped)";
      const name = declaredName(texts[o.source][o.line]);
      if (name === null) return site(line, column).fn;
      return `${files[o.source]}:${o.line + 1} ${name || "(anonymous)"}`;
    },
  };
}

/** The samples of a trace profile as [time (µs), weight (ms), node id, line, column]. */
function samplesOf(profile) {
  const out = [];
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    const next = profile.timeDeltas[i + 1];
    const weight = next === undefined ? 0 : next / 1000;
    out.push([t, weight, profile.samples[i], profile.lines[i] ?? 0, profile.columns[i] ?? 0]);
  }
  return out;
}

const add = (map, key, field, value) => {
  if (!map.has(key)) map.set(key, { self: 0, builtins: 0, total: 0 });
  map.get(key)[field] += value;
};

/**
 * CPU samples between `from` and `to` (µs). Per SDK function (by the sample's position, so that
 * code terser inlined still counts where it was written): `self` (its own code), `builtins`
 * (built-ins it called, e.g. focus → style and layout), `total` (with what it called, by the
 * functions on the stack). Per source file: self + built-ins. Other buckets ("(program)", "(garbage
 * collector)", "bench page", built-ins outside the SDK) by self time.
 */
function functionTimes({ profile, from, to, umdUrl, mapper }) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const umdScript = profile.nodes.find((n) => n.callFrame.url === umdUrl)?.callFrame.scriptId;
  const kindOf = (node) => {
    const f = node.callFrame;
    if (f.url === umdUrl || (umdScript !== undefined && f.scriptId === umdScript)) return "sdk";
    if (f.url || (f.scriptId && String(f.scriptId) !== "0")) return "page";
    if (f.functionName && f.functionName.startsWith("(")) return "engine";
    return "builtin";
  };
  const starts = new Map();
  const startOf = (node) => {
    if (!starts.has(node.id))
      starts.set(node.id, mapper.start(node.callFrame.lineNumber, node.callFrame.columnNumber));
    return starts.get(node.id);
  };
  const functions = new Map();
  const files = new Map();
  const leaves = [];
  for (const [t, weight, id, line, column] of samplesOf(profile)) {
    if (t < from || t > to) continue;
    const leaf = byId.get(id);
    if (!leaf) continue;
    const kind = kindOf(leaf);
    const name = leaf.callFrame.functionName;
    leaves.push([t, kind === "builtin" ? name || "anonymous" : ""]);
    if (name === "(idle)" || name === "(root)") continue;
    // A built-in's sample carries the position of its call in the calling script.
    const caller = kind === "builtin" ? byId.get(leaf.parent) : leaf;
    const inSdk = caller && kindOf(caller) === "sdk" && line > 0;
    if (inSdk) {
      const at = mapper.site(line - 1, column - 1);
      add(functions, at.fn, kind === "sdk" ? "self" : "builtins", weight);
      add(files, at.file, "self", weight);
    } else if (kind === "engine") add(functions, name, "self", weight);
    else if (kind === "page" || (caller && kindOf(caller) === "page"))
      add(functions, "bench page", "self", weight);
    else if (caller && kindOf(caller) === "sdk")
      add(functions, startOf(caller), "builtins", weight);
    else add(functions, `(native) ${name || "anonymous"}`, "self", weight);
    const seen = new Set();
    for (let n = leaf; n; n = byId.get(n.parent))
      if (kindOf(n) === "sdk" && !seen.has(startOf(n))) {
        seen.add(startOf(n));
        add(functions, startOf(n), "total", weight);
      }
  }
  return { functions, files, leaves };
}

/** The built-in most often on top of the samples during [start, end] (µs), or "". */
function builtinDuring(leaves, start, end) {
  const counts = new Map();
  for (const [t, l] of leaves)
    if (t >= start && t <= end && l) counts.set(l, (counts.get(l) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1])[0];
  return top ? top[0] : "";
}

/** Durations (ms) of the main thread's events called `name` between `from` and `to` (µs). */
function spanMs(trace, name, from, to) {
  return trace.events
    .filter(
      (e) =>
        e.name === name &&
        e.ph === "X" &&
        e.pid === trace.pid &&
        e.tid === trace.tid &&
        e.ts >= from &&
        e.ts <= to,
    )
    .reduce((a, e) => a + (e.dur ?? 0) / 1000, 0);
}

/** One traced cold open of `view` on `url` (the SDK's stylesheet put in first when `css`). */
async function traceOnce(browser, env, { view, url, css, mapper }) {
  const p = await openPage(browser, { cpuRate: CPU_RATE });
  try {
    await loadBenchPage(env, p, url);
    if (css)
      await p.page.evaluate(
        ([text, attribute]) => {
          const style = document.createElement("style");
          style.setAttribute(attribute, "");
          style.textContent = text;
          document.head.insertBefore(style, document.head.firstChild);
          // Styled once before the open, as a page that loaded the sheet earlier would be.
          return document.body.getBoundingClientRect().width;
        },
        [css, STYLE_ATTRIBUTE],
      );
    const tracing = await startTrace(p);
    let r;
    let trace;
    try {
      r = await openView(env, p, { view, sim: "cm", timeoutMs: 20_000 });
    } finally {
      trace = await tracing.stop();
    }
    if (!r.mark) return { error: failureReason(r) };
    const from = (r.t0 + trace.offsetMs) * 1000;
    const to = (r.mark.painted + trace.offsetMs) * 1000;
    const main = mainThreadSummary(trace, from, to);
    const profile = traceProfile(trace);
    const times = profile
      ? functionTimes({ profile, from, to, umdUrl: env.profileUmdUrl, mapper })
      : { functions: new Map(), files: new Map(), leaves: [] };
    const forced = main.forced.map((f) => {
      const frame = f.stack.find((x) => x.url === env.profileUmdUrl);
      // Trace stack frames count lines and columns from 1.
      const site = frame
        ? mapper.site(frame.lineNumber - 1, frame.columnNumber - 1)
        : { fn: f.stack.length ? "bench page" : "(no stack)", line: 0, code: "" };
      const api =
        FORCING_CALL.exec(site.code)?.[1] ?? builtinDuring(times.leaves, f.at, f.at + f.ms * 1000);
      const where = site.line ? `${site.fn} (line ${site.line})` : site.fn;
      return { kind: f.kind, ms: f.ms, where, code: site.code, api };
    });
    return {
      total: r.mark.painted - r.t0,
      busy: main.busy,
      phases: main.phases,
      forced,
      cssParse: spanMs(trace, "CSSParserImpl::parseStyleSheet", from, to),
      styleElement: spanMs(trace, "StyleElement::processStyleSheet", from, to),
      functions: Object.fromEntries(times.functions),
      files: Object.fromEntries([...times.files].map(([k, v]) => [k, v.self])),
      samples: times.leaves.length,
    };
  } finally {
    await p.close();
  }
}

/** A median count: whole numbers as such. */
const count = (n) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** Sum of a run's forced updates of one kind: [count, ms]. */
function forcedTotals(run, kind) {
  const xs = run.forced.filter((f) => f.kind === kind);
  return [xs.length, xs.reduce((a, f) => a + f.ms, 0)];
}

/** CPU samples (ms) on the lines of one source file, built-ins they call included. */
const fileMs = (run, file) => run.files[file] ?? 0;

function phaseTable(cells, runs) {
  const columns = [
    "view",
    "page",
    "to paint",
    "main busy",
    ...[...PHASES, "other"].map((k) => PHASE_TITLES[k]),
    "forced style n / ms",
    "forced layout n / ms",
  ];
  const rows = cells.map((c) => {
    if (c.error) return [c.view, c.page, na(c.error)];
    const med = (f) => summarize(c.runs.map(f));
    const forced = (kind) => {
      const n = med((r) => forcedTotals(r, kind)[0]).median;
      const t = med((r) => forcedTotals(r, kind)[1]).median;
      return `${count(n)} / ${ms(t)}`;
    };
    return [
      c.view,
      c.page,
      range(med((r) => r.total)),
      range(med((r) => r.busy)),
      ...[...PHASES, "other"].map((k) => ms(med((r) => r.phases[k]).median)),
      forced("style"),
      forced("layout"),
    ];
  });
  return {
    title: `Trace: main-thread busy time by phase (ms), getTokenInfo → first paint, cold open, +${LATENCY_MS} ms per gateway request, CPU ${CPU_RATE}× (median of ${runs})`,
    columns,
    align: ["l", "l", ...columns.slice(2).map(() => "r")],
    rows,
    notes: [
      "main busy: the renderer main thread's tasks in the window; the phases are disjoint and add up to it (each median on its own, so medians need not).",
      "script run: evaluate, function calls, microtasks, event handlers; compile: V8 parsing and compiling (lazy functions on first call). fonts: font lookups and fallback (inside layout and text shaping); layout excludes them.",
      "parse HTML/CSS: style sheet parsing (the SDK's <style> at first use) and HTML parsing. paint/composite: pre-paint, paint, layerize, commit.",
      "IPC/loading: messages from the browser process (network answers, loading bookkeeping); other: task scheduling and the rest.",
      "forced: style (UpdateLayoutTree) or layout run inside script, i.e. a DOM call made the engine update at once; the frame's own update is not counted.",
      "page: plain = the empty bench page; CSS in page = the SDK's stylesheet inserted (and styled) before the call, so the SDK does not inject it; CJK host = a page that already shows Chinese text, an input and a button.",
      "Source-mapped profile build (same rollup config); tracing with the sampling profiler on adds overhead: compare rows, not with time-to-view.",
    ],
  };
}

function forcedTable(cells, runs) {
  const rows = [];
  for (const c of cells) {
    if (c.error || c.page !== "plain") continue;
    const keys = new Map();
    for (const r of c.runs)
      for (const f of r.forced) {
        const key = `${f.kind}|${f.where}`;
        if (!keys.has(key)) keys.set(key, { ...f, counts: [], ms: [] });
      }
    for (const [key, k] of keys) {
      const per = c.runs.map((r) => r.forced.filter((f) => `${f.kind}|${f.where}` === key));
      const n = summarize(per.map((xs) => xs.length));
      const t = summarize(per.map((xs) => xs.reduce((a, f) => a + f.ms, 0)));
      rows.push({
        cells: [c.view, k.kind, k.where, k.code, k.api, count(n.median), range(t)],
        ms: t.median,
      });
    }
  }
  return {
    title: `Forced style and layout before the first paint: who forces them (cold open, plain page, median of ${runs})`,
    columns: ["view", "kind", "caller (source:line function)", "code", "DOM call", "n", "ms"],
    align: ["l", "l", "l", "l", "l", "r", "r"],
    rows: rows.length ? rows.map((r) => r.cells) : [["none", "", "", "", "", "", ""]],
    notes: [
      "caller: the innermost SDK frame of the stack the trace gives the update (source map of the profile build); DOM call: from that line, else the built-in on top of the CPU samples during the update.",
      "ms is the update's own duration (style recalculation or layout, fonts included), within the window.",
    ],
  };
}

/** A function's total, "inlined" when terser merged it into its caller (no frame of its own). */
function totalCell(row) {
  if (!row.l.startsWith("src/")) return "";
  return row.total > 0 ? ms(row.total) : "inlined";
}

function functionTable(cells, top) {
  const plain = cells.filter((c) => !c.error && c.page === "plain");
  const all = plain.flatMap((c) => c.runs);
  const sum = new Map();
  for (const r of all)
    for (const [l, v] of Object.entries(r.functions)) {
      const s = sum.get(l) ?? { self: 0, builtins: 0, total: 0 };
      s.self += v.self;
      s.builtins += v.builtins;
      s.total += v.total;
      sum.set(l, s);
    }
  const rows = [...sum]
    .map(([l, v]) => ({ l, self: v.self / all.length, builtins: v.builtins / all.length }))
    .map((x) => ({ ...x, total: sum.get(x.l).total / all.length }))
    .sort((a, b) => b.self + b.builtins - (a.self + a.builtins))
    .slice(0, top);
  return {
    title: `Where the SDK's time goes: CPU samples per function in the trace (ms per open, mean of ${all.length} cold opens over ${plain.length} views, plain page)`,
    columns: ["function (source:line name)", "self", "built-ins it calls", "total incl. callees"],
    align: ["l", "r", "r", "r"],
    rows: rows.map((r) => [r.l, ms(r.self), ms(r.builtins), totalCell(r)]),
    notes: [
      "self: samples in the function's own code; built-ins it calls: samples in a built-in (DOM or JS) called by it directly, e.g. focus → style and layout, setProperty → CSS value parsing.",
      "(program): the engine's own work outside JS (style, layout, paint, parsing, compiling); sorted by self + built-ins. Names come from the source map of the profile build.",
    ],
  };
}

function suspectTable(cells, runs) {
  const byView = new Map();
  for (const c of cells) {
    if (!byView.has(c.view)) byView.set(c.view, {});
    byView.get(c.view)[c.page] = c;
  }
  const rows = [];
  for (const [view, pages] of byView) {
    const plain = pages.plain;
    if (!plain || plain.error) continue;
    const med = (cell, f) => (cell && !cell.error ? summarize(cell.runs.map(f)) : null);
    const delta = (other, f) => {
      const a = med(plain, f);
      const b = med(other, f);
      return a && b ? ms(a.median - b.median) : "n/a";
    };
    const fromFile = (pattern) => (r) => r.forced.filter((f) => pattern.test(f.where)).length;
    rows.push([
      view,
      ms(med(plain, (r) => fileMs(r, "src/views/styles.ts")).median),
      ms(med(plain, (r) => r.styleElement).median),
      ms(med(plain, (r) => r.cssParse).median),
      delta(pages["CSS in page"], (r) => r.busy),
      ms(med(plain, (r) => fileMs(r, "src/views/options.ts")).median),
      ms(med(plain, fromFile(/^src\/views\/options\.ts/)).median),
      ms(med(plain, fromFile(/\bfocus\b|dialog\.ts|digits\.ts/)).median),
      ms(med(plain, (r) => r.phases.fonts).median),
      delta(pages["CJK host"], (r) => r.busy),
    ]);
  }
  return {
    title: `The suspects of issue 18 item 1, per view (ms per cold open, plain page, median of ${runs})`,
    columns: [
      "view",
      "styles.ts lines",
      "<style> processed",
      "of which CSS parse",
      "busy − with CSS in page",
      "options.ts lines",
      "forced by options.ts",
      "forced by focus (dialog/digits)",
      "fonts",
      "busy − on CJK host",
    ],
    align: ["l", "r", "r", "r", "r", "r", "r", "r", "r", "r"],
    rows,
    notes: [
      "styles.ts lines: CPU samples on the lines of src/views/styles.ts, the built-ins they call included (injectStyles); <style> processed: Blink's StyleElement::processStyleSheet for the SDK's sheet, of which CSSParserImpl::parseStyleSheet.",
      "busy − with CSS in page: main-thread busy time saved when the sheet is in the page before the call (what injecting at load or at prepare would save; the first style recalculation with the sheet still runs).",
      "options.ts lines: option validation (lengths, colours and borders through a detached probe's style); forced by …: forced updates whose SDK frame is in that file (count).",
      "fonts: font lookups in the trace; busy − on CJK host: what a host page that already shows Chinese text and a form saves (engine first-use work, not the SDK's).",
    ],
  };
}

export async function run(ctx) {
  const env = await ctx.env();
  const title = "Trace (cold open)";
  if (env.error)
    return {
      tables: [{ title, columns: ["figure"], rows: [[na(env.error)]] }],
      data: { error: env.error },
    };
  const { chunk } = await sharedUmdBuild(ctx);
  if (!chunk.map) throw new Error("the in-memory build has no source map");
  env.site.setUmd("profile", chunk.code);
  const mapper = sourceMapper(chunk.map);
  let css = null;
  try {
    css = readFileSync(resolve(ctx.dist.dir, "dist/style.css"), "utf8");
  } catch (e) {
    ctx.log(`[trace] dist/style.css unreadable (${e.code ?? e.message}): no CSS-in-page rows`);
  }
  const pages = [{ page: "plain", url: env.profilePageUrl }];
  if (!ctx.quick) {
    if (css) pages.push({ page: "CSS in page", url: env.profilePageUrl, css });
    pages.push({ page: "CJK host", url: env.profilePageUrl + "&host=cjk" });
  }
  const browser = await ctx.browser();
  await env.reset();
  await env.setLatency(LATENCY_MS);
  const cells = [];
  try {
    for (const view of ctx.quick ? VIEWS.slice(0, 2) : VIEWS)
      for (const pg of pages) {
        const runs = [];
        let error;
        for (let i = 0; i < ctx.runs && !error; i++) {
          try {
            const r = await traceOnce(browser, env, { view, url: pg.url, css: pg.css, mapper });
            if (r.error) error = r.error;
            else runs.push(r);
          } catch (e) {
            error = e.message.split("\n")[0];
          }
        }
        cells.push(runs.length ? { view, page: pg.page, runs } : { view, page: pg.page, error });
        ctx.log(`[trace] ${view} · ${pg.page}: ${runs.length} run(s)${error ? ` (${error})` : ""}`);
      }
  } finally {
    await env.setLatency(0).catch(() => {});
  }
  // The rehearsal of issue 18 would show as a function of the build; it is gone from src.
  const rehearsal = (chunk.map.sourcesContent ?? []).some((s) => /\bwarmView\b/.test(s ?? ""));
  const tables = [
    phaseTable(cells, ctx.runs),
    forcedTable(cells, ctx.runs),
    functionTable(cells, ctx.quick ? 12 : 20),
    suspectTable(cells, ctx.runs),
  ];
  tables[3].notes.push(
    rehearsal
      ? "The view rehearsal (warmView) is in this build: see its rows in the function table."
      : "The view rehearsal (warmView) is not in this build: removed from src, nothing to trace.",
  );
  return {
    tables,
    data: { latencyMs: LATENCY_MS, cpuRate: CPU_RATE, runs: ctx.runs, rehearsal, cells },
  };
}
