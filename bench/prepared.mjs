// 8. Prepared: the tap → the view painted when the page has called `prepare(data)` first (the SDK
// fetched the number ahead of time and keeps it 5 minutes, single use), next to the cold open of
// the same view in the same conditions. Measured as time-to-view does (its `figures`), at CPU 4×
// and unthrottled, with +50 ms and +200 ms per gateway request, on the CM SIM.
import { openPage } from "./lib/browser.mjs";
import { recordNetwork } from "./lib/network.mjs";
import { failureReason, loadBenchPage, openView } from "./lib/site.mjs";
import { ms, na, range, summarize } from "./lib/stats.mjs";
import { VIEWS } from "./lib/views.mjs";
import { CPU_RATE, figures } from "./time-to-view.mjs";

/** The emulator's added latency per gateway request (ms), one pass each. */
export const LATENCIES_MS = [50, 200];
/** Tap → paint with a prepared result, at CPU 4× (median). */
export const PREPARED_GOAL_MS = 50;

const SIM = "cm";
const TIMEOUT_MS = 20_000;

/**
 * The build to measure: the UMD where its global has `prepare`, else the npm module's build
 * (dist/index.mjs by <script type="module">, the same global set by the page).
 */
async function pickBuild(browser, env) {
  const p = await openPage(browser);
  try {
    await loadBenchPage(env, p, env.pageUrl);
    const umdHasPrepare = await p.page.evaluate(
      () => typeof window.YDRZAuthLogin.prepare === "function",
    );
    if (umdHasPrepare) return { url: env.pageUrl, label: "UMD dist/ydrz-jssdk.umd.js" };
  } finally {
    await p.close();
  }
  if (!env.esmPageUrl) return { error: "the UMD has no prepare and dist/index.mjs is missing" };
  return {
    url: env.esmPageUrl,
    label: "npm module dist/index.mjs (the UMD has no prepare)",
  };
}

/** Why `__bench.prepare` did not leave a number to use. */
function prepareFailure(answer) {
  if (answer.kind === "timeout") return `prepare: no callback within ${TIMEOUT_MS} ms`;
  const r = answer.result ?? {};
  const parts = [`prepare ${answer.kind}`, r.code, r.message, r.kind].filter(Boolean);
  return parts.join(" ");
}

/**
 * One fresh page: with `prepared`, `prepare(data)` with its own signed data and its success
 * awaited first; then getTokenInfo (t0, the tap) → first paint, and the gateway requests issued
 * from just before the tap to the paint (DevTools Network, preflights included).
 * @param {{ view: string, url: string, cpuRate: number, prepared: boolean }} opts
 */
async function measureOnce(browser, env, { view, url, cpuRate, prepared }) {
  const p = await openPage(browser, { cpuRate });
  try {
    await loadBenchPage(env, p, url);
    let prepareMs = null;
    if (prepared) {
      const answer = await p.page.evaluate(
        ([view, data, opts]) => window.__bench.prepare(view, data, opts),
        [view, env.flowData(SIM), { timeoutMs: TIMEOUT_MS }],
      );
      if (answer.kind !== "success" || answer.result?.available !== true)
        return { error: prepareFailure(answer) };
      prepareMs = answer.ms;
    }
    const net = recordNetwork(p.cdp, env.gateway);
    await net.start();
    const r = await openView(env, p, { view, sim: SIM, timeoutMs: TIMEOUT_MS });
    const requests = net.stop();
    if (!r.mark) return { error: failureReason(r) };
    const timeOrigin = await p.page.evaluate(() => performance.timeOrigin);
    const beforePaint = requests.filter((x) => x.wallMs <= timeOrigin + r.mark.painted);
    return {
      ...figures(r),
      prepareMs,
      requests: beforePaint.length,
      paths: beforePaint.map((x) => (x.preflight ? "OPTIONS " : "") + x.path),
    };
  } finally {
    await p.close();
  }
}

/** Prepared and cold samples of one view in one condition, a prepared and a cold page per run. */
async function measureCase(ctx, { browser, env, url, view, cpuRate }) {
  const prepared = [];
  const cold = [];
  for (let i = 0; i < ctx.runs; i++) {
    try {
      const s = await measureOnce(browser, env, { view, url, cpuRate, prepared: true });
      const c = await measureOnce(browser, env, { view, url, cpuRate, prepared: false });
      if (s.error || c.error) return { prepared, cold, error: s.error ?? c.error };
      prepared.push(s);
      cold.push(c);
    } catch (e) {
      return { prepared, cold, error: e.message.split("\n")[0] };
    }
  }
  return { prepared, cold };
}

function conditions(quick) {
  const views = quick ? VIEWS.slice(0, 2) : VIEWS;
  const rates = quick ? [CPU_RATE] : [CPU_RATE, 1];
  return LATENCIES_MS.flatMap((latencyMs) =>
    rates.flatMap((cpuRate) => views.map((view) => ({ latencyMs, cpuRate, view }))),
  );
}

const cpuLabel = (rate) => (rate > 1 ? `${rate}×` : "1× (unthrottled)");

/** The goal cell of a prepared median at the throttled rate (not judged unthrottled). */
function goalCell(c) {
  if (c.cpuRate !== CPU_RATE) return "";
  if (c.prepared.total.median <= PREPARED_GOAL_MS) return "met";
  return `no (+${ms(c.prepared.total.median - PREPARED_GOAL_MS)})`;
}

function ratioCell(c) {
  const ratio = c.cold.total.median / c.prepared.total.median;
  return Number.isFinite(ratio) ? `${ratio.toFixed(1)}×` : "n/a";
}

function goals(cases) {
  const throttled = cases.filter((c) => c.prepared && c.cpuRate === CPU_RATE);
  const measured = cases.filter((c) => c.prepared);
  const medians = throttled.map((c) => c.prepared.total.median);
  const met = medians.filter((x) => x <= PREPARED_GOAL_MS).length;
  const most = Math.max(...measured.map((c) => c.prepared.requests.max));
  return [
    {
      goal: `tap → paint, prepared, ≤ ${PREPARED_GOAL_MS} ms (CPU ${CPU_RATE}×, median)`,
      met: throttled.length ? met === throttled.length : null,
      value: throttled.length
        ? `${met}/${throttled.length} cases; worst ${ms(Math.max(...medians))} ms`
        : "n/a",
    },
    {
      goal: "0 gateway requests tap → paint, prepared (every run)",
      met: measured.length ? most === 0 : null,
      value: measured.length ? `most in one run: ${most}` : "n/a",
    },
  ];
}

export async function run(ctx) {
  const env = await ctx.env();
  const columns = [
    "view",
    "CPU",
    "per request",
    "prepared: tap→paint",
    `≤ ${PREPARED_GOAL_MS} ms`,
    "requests tap→paint",
    "tap→DOM",
    "DOM→paint",
    "cold: call→paint",
    "cold: network wait",
    "cold requests",
    "cold ÷ prepared",
    "prepare→success",
  ];
  const align = ["l", "l", "r", "r", "l", "r", "r", "r", "r", "r", "r", "r", "r"];
  const titleOf = (label) =>
    "Prepared (ms): tap → first paint after prepare() succeeded, vs the cold open; CM SIM; " +
    `build: ${label}`;
  if (env.error)
    return {
      tables: [{ title: titleOf("n/a"), columns, rows: [[na(env.error)]] }],
      data: { error: env.error },
    };
  const browser = await ctx.browser();
  const build = await pickBuild(browser, env);
  if (build.error)
    return {
      tables: [{ title: titleOf("n/a"), columns, rows: [[na(build.error)]] }],
      data: { error: build.error },
    };
  await env.reset();
  const data = { build: build.label, cpuRate: CPU_RATE, runs: ctx.runs, cases: [] };
  const rows = [];
  const stray = new Set();
  let latency = null;
  try {
    for (const cond of conditions(ctx.quick)) {
      if (cond.latencyMs !== latency) {
        latency = cond.latencyMs;
        await env.setLatency(latency);
      }
      const m = await measureCase(ctx, { browser, env, url: build.url, ...cond });
      const label = [cond.view, cpuLabel(cond.cpuRate), `+${cond.latencyMs} ms`];
      if (!m.prepared.length) {
        rows.push([...label, na(m.error ?? "no sample"), ...columns.slice(4).map(() => "")]);
        data.cases.push({ ...cond, error: m.error });
        continue;
      }
      for (const s of m.prepared) for (const path of s.paths) stray.add(path);
      const of = (samples, key) => summarize(samples.map((s) => s[key]));
      const c = {
        ...cond,
        prepared: {
          total: of(m.prepared, "total"),
          wait: of(m.prepared, "wait"),
          requests: of(m.prepared, "requests"),
          attached: of(m.prepared, "attached"),
          domToPaint: of(m.prepared, "domToPaint"),
          prepareMs: of(m.prepared, "prepareMs"),
        },
        cold: {
          total: of(m.cold, "total"),
          wait: of(m.cold, "wait"),
          overhead: of(m.cold, "overhead"),
          requests: of(m.cold, "requests"),
        },
        error: m.error,
        samples: m,
      };
      const count = (x) => String(x);
      rows.push([
        ...label,
        range(c.prepared.total),
        goalCell(c),
        range(c.prepared.requests, count),
        range(c.prepared.attached),
        range(c.prepared.domToPaint),
        range(c.cold.total),
        range(c.cold.wait),
        range(c.cold.requests, count),
        ratioCell(c),
        range(c.prepared.prepareMs),
      ]);
      data.cases.push(c);
    }
  } finally {
    await env.setLatency(0).catch(() => {});
  }
  data.goals = goals(data.cases);
  const notes = [
    "prepared: a fresh page calls prepare(data) (its own signed data: traceId, timestamp, sign), waits for its success, then the tap: t0 and getTokenInfo with other signed data.",
    "cold: a fresh page, no prepare: getTokenInfo → first paint, the same view, CPU and latency (the time-to-view figure, same build).",
    "first paint: a rAF after the view root is attached, then a posted message (bench/lib/page.js). Fresh browser context per page; a prepared and a cold page per run.",
    "requests: gateway requests issued from just before the tap (after prepare's success) to the paint, preflights included (DevTools Network); goal 0 with a prepared result.",
    "tap→DOM: the tap to the view root in the document (the SDK building the view); DOM→paint: style, layout, paint of that frame.",
    "cold network wait: time during which at least one gateway request was in flight (Resource Timing).",
    "prepare→success: the prepare call to its success callback, the pre-fetch's own time (not part of the tap).",
    `per request: the emulator's added latency per protocol request (not preflights). Goal judged at CPU ${CPU_RATE}× only.`,
  ];
  if (stray.size) notes.push(`requests seen after prepare: ${[...stray].join(", ")}`);
  const failed = data.cases.filter((c) => c.error);
  for (const c of failed)
    notes.push(`${c.view} ${cpuLabel(c.cpuRate)} +${c.latencyMs} ms: stopped early: ${c.error}`);
  return {
    tables: [{ title: titleOf(build.label), columns, align, rows, notes }],
    data,
  };
}
