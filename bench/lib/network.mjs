// Gateway requests seen through the DevTools protocol (Network domain): every request including
// CORS preflights, with the browser's own monotonic timestamps (seconds).

export function recordNetwork(cdp, gatewayOrigin) {
  const byId = new Map();
  let on = false;
  const mine = (url) => url.startsWith(gatewayOrigin + "/");
  cdp.on("Network.requestWillBeSent", (e) => {
    if (!on || !mine(e.request.url)) return;
    const u = new URL(e.request.url);
    byId.set(e.requestId + (e.request.method === "OPTIONS" ? ":pre" : ""), {
      id: e.requestId,
      method: e.request.method,
      path: u.pathname,
      type: e.type,
      preflight: e.request.method === "OPTIONS",
      start: e.timestamp,
      // Wall clock (ms since the epoch), comparable with the page's timeOrigin + performance.now().
      wallMs: e.wallTime * 1000,
      end: undefined,
    });
  });
  const finish = (e) => {
    for (const key of [e.requestId, e.requestId + ":pre"]) {
      const r = byId.get(key);
      if (r && (r.end === undefined || e.timestamp > r.end)) r.end = e.timestamp;
    }
  };
  cdp.on("Network.responseReceived", finish);
  cdp.on("Network.loadingFinished", finish);
  cdp.on("Network.loadingFailed", finish);
  return {
    async start() {
      await cdp.send("Network.enable");
      byId.clear();
      on = true;
    },
    stop() {
      on = false;
      return [...byId.values()].sort((a, b) => a.start - b.start);
    },
  };
}

/**
 * Round trips of a list of gateway requests: `issued` counts every request (preflights too);
 * `critical` is the longest chain of requests that ran one after another (a request that needed a
 * preflight counts two), i.e. the number of sequential round trips before the view.
 */
export function roundTrips(requests) {
  const real = requests.filter((r) => !r.preflight);
  const withPre = real.map((r) => ({
    ...r,
    weight:
      1 +
      (requests.some((p) => p.preflight && p.path === r.path && Math.abs(p.start - r.start) < 1)
        ? 1
        : 0),
    end: r.end ?? r.start,
  }));
  // Each request's predecessor is the one that finished last before it started (what it most
  // plausibly waited for); requests running alongside (getPageOption next to the pre-fetch)
  // start their own chains.
  const chain = new Map();
  const length = (r) => {
    if (chain.has(r)) return chain.get(r);
    let pred;
    for (const a of withPre)
      if (a !== r && a.end <= r.start && (!pred || a.end > pred.end)) pred = a;
    const n = r.weight + (pred ? length(pred) : 0);
    chain.set(r, n);
    return n;
  };
  // The view waits for every answer it asked for before it paints (e.g. getPageOption), so the
  // longest such chain is the critical path, preflights weighing a full round trip each.
  const critical = withPre.reduce((m, r) => Math.max(m, length(r)), 0);
  return {
    issued: requests.length,
    preflights: requests.length - real.length,
    critical,
    // In issue order, `∥` when a request started while an earlier one was still in flight, `→`
    // when it started after they had all finished; `*` marks a request preflighted first.
    paths: withPre.map(
      (r) =>
        r.path.replace(/^\/h5\/(onekeylogin\/)?/, "").replace(/^\/carrier\//, "") +
        (r.weight === 2 ? "*" : ""),
    ),
    sequence: withPre
      .map((r, i) => {
        const name =
          r.path.replace(/^\/h5\/(onekeylogin\/)?/, "").replace(/^\/carrier\//, "") +
          (r.weight === 2 ? "*" : "");
        if (i === 0) return name;
        const inFlight = withPre.slice(0, i).some((a) => a.end > r.start);
        return (inFlight ? " ∥ " : " → ") + name;
      })
      .join(""),
  };
}

/** Total time (ms) covered by at least one of the intervals [start, end] (ms). */
export function unionMs(intervals, from = -Infinity, to = Infinity) {
  const xs = intervals
    .map(([a, b]) => [Math.max(a, from), Math.min(b, to)])
    .filter(([a, b]) => b > a)
    .sort((p, q) => p[0] - q[0]);
  let total = 0;
  let cur = null;
  for (const [a, b] of xs) {
    if (!cur || a > cur[1]) {
      if (cur) total += cur[1] - cur[0];
      cur = [a, b];
    } else if (b > cur[1]) cur[1] = b;
  }
  if (cur) total += cur[1] - cur[0];
  return total;
}
