// 4. Script evaluation of the UMD at load (CPU 4× throttled) and the long tasks (> 50 ms) during
// a whole flow: page load, getTokenInfo, the view, typing the digits, the agreement, the token.
import { openPage, within } from "./lib/browser.mjs";
import { failureReason, loadBenchPage, openView } from "./lib/site.mjs";
import { na, range, summarize } from "./lib/stats.mjs";

const CPU_RATE = 4;
const LATENCY_MS = 50;

/** Parse + compile + run of the UMD, as an inline script inserted into a blank page. */
async function evaluateOnce(browser, env, run) {
  const p = await openPage(browser, { cpuRate: CPU_RATE });
  try {
    await p.page.goto(env.blankUrl, { waitUntil: "load" });
    return await p.page.evaluate(async (salt) => {
      const code = await (await fetch("/ydrz-jssdk.umd.js", { cache: "no-store" })).text();
      // A unique tail defeats V8's in-memory compilation cache between runs.
      const s = document.createElement("script");
      s.textContent = code + "\n//# bench-run=" + salt;
      await new Promise((r) => setTimeout(r, 50));
      const before = window.__bench.longTasks.length;
      const t0 = performance.now();
      document.head.appendChild(s);
      const t1 = performance.now();
      const ok = typeof window.YDRZAuthLogin === "object";
      await new Promise((r) => setTimeout(r, 100));
      const lt = window.__bench.longTasks.slice(before).filter((x) => x.start >= t0 - 1);
      return { ok, ms: t1 - t0, longTask: lt.length ? Math.max(...lt.map((x) => x.duration)) : 0 };
    }, `${Date.now()}-${run}`);
  } finally {
    await p.close();
  }
}

/** When a long task ran: during load, before the view was painted, or after. */
function phaseOf(task, opened) {
  if (task.start + task.duration <= opened.t0) return "load";
  if (task.start < opened.mark.painted) return "view";
  return "after";
}

/** The whole standard-popup flow on the CM path, long tasks collected from navigation on. */
async function wholeFlow(browser, env) {
  const p = await openPage(browser, { cpuRate: CPU_RATE });
  try {
    await loadBenchPage(env, p);
    const r = await openView(env, p, { view: "standard-popup", sim: "cm", timeoutMs: 20_000 });
    if (!r.mark) return { error: failureReason(r) };
    const digits = env.hiddenDigits("cm");
    const first = p.page.locator("#inputVal0");
    if (await first.count()) {
      await first.click({ timeout: 5000 });
      await p.page.keyboard.type(digits, { delay: 20 });
    }
    const box = p.page.locator("#YDRZ_Checkbox_l4, #YDRZ_Checkbox_l1").first();
    if (await box.count()) await box.check({ timeout: 5000, force: true });
    await p.page.locator("#YDRZ_Submitbtn").click({ timeout: 5000 });
    const final = await within(
      20_000,
      p.page.evaluate(() => window.__bench.settled(15000)),
      "final callback",
    );
    const tasks = (await p.page.evaluate(() => window.__bench.longTasks.slice())).map((t) => ({
      ...t,
      phase: phaseOf(t, r),
    }));
    const end = await p.page.evaluate(() => performance.now());
    const outcome = final ? `${final.kind} ${final.res?.code ?? ""}`.trim() : "no final callback";
    return { tasks, outcome, end, ok: final?.kind === "success" && final.res?.code === "103000" };
  } finally {
    await p.close();
  }
}

export async function run(ctx) {
  const env = await ctx.env();
  const evalCols = ["figure", "median (min–max)", "runs", "note"];
  const title1 = `Script evaluation of the UMD at load (ms, CPU ${CPU_RATE}× throttled)`;
  const title2 = `Long tasks (> 50 ms) during a whole flow (CPU ${CPU_RATE}×, +${LATENCY_MS} ms per request)`;
  if (env.error)
    return {
      tables: [{ title: title1, columns: evalCols, rows: [[na(env.error)]] }],
      data: { error: env.error },
    };
  const browser = await ctx.browser();
  await env.reset();

  const evals = [];
  let evalError;
  // Cheap, and noisy on a busy machine: at least 7 samples.
  const evalRuns = ctx.quick ? ctx.runs : Math.max(ctx.runs, 7);
  for (let i = 0; i < evalRuns; i++) {
    try {
      const e = await evaluateOnce(browser, env, i);
      if (!e.ok) {
        evalError = "window.YDRZAuthLogin missing after evaluation";
        break;
      }
      evals.push(e);
    } catch (err) {
      evalError = err.message.split("\n")[0];
      break;
    }
  }
  const evalSummary = summarize(evals.map((e) => e.ms));
  const evalRows = [
    [
      "UMD parse + compile + evaluate",
      evalSummary ? range(evalSummary) : na(evalError ?? "no sample"),
      evals.length,
      evals.some((e) => e.longTask)
        ? `a long task in ${evals.filter((e) => e.longTask).length} run(s)`
        : "no long task",
    ],
  ];

  await env.setLatency(LATENCY_MS);
  const flows = [];
  let flowError;
  const flowRuns = Math.min(ctx.runs, ctx.quick ? 1 : 3);
  try {
    for (let i = 0; i < flowRuns; i++) {
      try {
        const f = await wholeFlow(browser, env);
        if (f.error) {
          flowError = f.error;
          break;
        }
        flows.push(f);
      } catch (err) {
        flowError = err.message.split("\n")[0];
        break;
      }
    }
  } finally {
    await env.setLatency(0).catch(() => {});
  }
  const flowCols = ["phase", "long tasks", "total ms", "longest ms", "runs"];
  const PHASES = [
    ["load", "page load with the UMD (before getTokenInfo)"],
    ["view", "getTokenInfo → view painted"],
    ["after", "typing, agreement, submit → token"],
  ];
  let flowRows;
  if (!flows.length) flowRows = [["whole flow", na(flowError ?? "no sample"), "", "", 0]];
  else {
    const of = (phase) => flows.map((f) => f.tasks.filter((t) => !phase || t.phase === phase));
    const row = (label, phase) => {
      const ts = of(phase);
      return [
        label,
        range(summarize(ts.map((x) => x.length)), (x) => String(x)),
        range(summarize(ts.map((x) => x.reduce((a, t) => a + t.duration, 0)))),
        range(summarize(ts.map((x) => (x.length ? Math.max(...x.map((t) => t.duration)) : 0)))),
        flows.length,
      ];
    };
    flowRows = [...PHASES.map(([k, label]) => row(label, k)), row("whole flow", undefined)];
  }
  const outcomes = [...new Set(flows.map((f) => f.outcome))].join(", ");
  return {
    tables: [
      {
        title: title1,
        columns: evalCols,
        rows: evalRows,
        align: ["l", "r", "r", "l"],
        notes: [
          "The UMD fetched as text, then timed as an inline <script> inserted into a blank page (fresh context each run).",
        ],
      },
      {
        title: title2,
        columns: flowCols,
        rows: flowRows,
        align: ["l", "r", "r", "r", "r"],
        notes: [
          "Standard popup on the CM path: load the page (UMD by <script>), getTokenInfo, type the 4 digits (20 ms per key), tick the agreement, submit, token.",
          `Flow outcome: ${outcomes || "n/a"}; duration from navigation: ${range(summarize(flows.map((f) => f.end)))} ms.`,
        ],
      },
    ],
    data: {
      cpuRate: CPU_RATE,
      eval: { summary: evalSummary, samples: evals, error: evalError },
      flow: {
        latencyMs: LATENCY_MS,
        runs: flows.map((f) => ({ outcome: f.outcome, tasks: f.tasks, end: f.end })),
        error: flowError,
      },
    },
  };
}
