// 2. Round trips to a visible view, per view and per carrier path, counted in Chromium (DevTools
// Network domain, preflights included) against the emulator with no added latency.
import { openPage } from "./lib/browser.mjs";
import { recordNetwork, roundTrips } from "./lib/network.mjs";
import { failureReason, loadBenchPage, openView } from "./lib/site.mjs";
import { na, summarize } from "./lib/stats.mjs";
import { CARRIERS, VIEWS } from "./lib/views.mjs";

const med = (xs) => summarize(xs)?.median;

/** Chromium's own network emulation (per request), so that answers arrive in a realistic order. */
export const RTT_MS = 50;

export async function run(ctx) {
  const env = await ctx.env();
  const columns = [
    "view",
    "carrier",
    "requests issued",
    "of which preflights",
    "sequential (critical path)",
    "gateway requests before paint (∥ parallel, → after, * preflighted)",
  ];
  const align = ["l", "l", "r", "r", "r", "l"];
  if (env.error)
    return {
      tables: [{ title: "Round trips to a visible view", columns, rows: [[na(env.error)]] }],
      data: { error: env.error },
    };
  const browser = await ctx.browser();
  await env.reset();
  const runs = Math.min(ctx.runs, ctx.quick ? 1 : 2);
  const rows = [];
  const data = { runs, cases: [] };
  for (const [carrier, sim] of CARRIERS) {
    for (const view of VIEWS) {
      const samples = [];
      let reason;
      let paths = "";
      for (let i = 0; i < runs; i++) {
        const p = await openPage(browser);
        try {
          const net = recordNetwork(p.cdp, env.gateway);
          await loadBenchPage(env, p);
          await net.start();
          await p.cdp.send("Network.emulateNetworkConditions", {
            offline: false,
            latency: RTT_MS,
            downloadThroughput: -1,
            uploadThroughput: -1,
          });
          const r = await openView(env, p, { view, sim });
          const reqs = net.stop();
          if (!r.mark) {
            reason = failureReason(r);
            break;
          }
          const rt = roundTrips(reqs);
          samples.push(rt);
          if (i === 0) paths = rt.sequence;
        } catch (e) {
          reason = e.message.split("\n")[0];
          break;
        } finally {
          await p.close();
        }
      }
      if (samples.length === 0) {
        rows.push([view, carrier, na(reason ?? "no sample"), "", "", ""]);
        data.cases.push({ view, carrier, error: reason });
        continue;
      }
      const c = {
        issued: med(samples.map((s) => s.issued)),
        preflights: med(samples.map((s) => s.preflights)),
        critical: med(samples.map((s) => s.critical)),
      };
      const crit = summarize(samples.map((s) => s.critical));
      rows.push([
        view,
        carrier,
        c.issued,
        c.preflights,
        crit.min === crit.max ? crit.median : `${crit.median} (${crit.min}–${crit.max})`,
        paths,
      ]);
      data.cases.push({
        view,
        carrier,
        ...c,
        criticalRange: crit,
        requests: paths,
        samples: samples.length,
      });
    }
  }
  const cm = data.cases.filter((c) => c.carrier === "CM" && c.critical !== undefined);
  const notes = [
    `${runs} run(s) per case, fresh browser context each (no preflight cache), Chromium network emulation +${RTT_MS} ms per request. Counted from the getTokenInfo call to the view's first paint.`,
    "A preflighted request is two sequential round trips (OPTIONS, then the request): on a mobile network the preflight costs a full RTT, even though on loopback it is answered at once.",
    "sequential: the longest chain of requests before paint, each request's predecessor being the one that finished last before it started. Goal for CM: one gateway round trip.",
  ];
  if (cm.length)
    notes.push(
      `CM: ${cm.filter((c) => c.critical <= 1).length}/${cm.length} views reach the goal of one sequential round trip.`,
    );
  data.goals = [
    {
      goal: "CM: one gateway round trip to a visible view",
      met: cm.length === VIEWS.length ? cm.every((c) => c.critical <= 1) : null,
      value: cm.length
        ? `${cm.filter((c) => c.critical <= 1).length}/${VIEWS.length} views` +
          (cm.some((c) => c.critical > 1)
            ? ` (over: ${cm
                .filter((c) => c.critical > 1)
                .map((c) => `${c.view} ${c.critical}`)
                .join(", ")})`
            : "")
        : "n/a",
    },
  ];
  return {
    tables: [
      { title: "Round trips to a visible view (Chromium → emulator)", columns, align, rows, notes },
    ],
    data,
  };
}
