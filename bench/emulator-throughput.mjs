// 6. Emulator throughput: CM pre-fetch requests/s and p50/p99 latency on loopback with N
// concurrent keep-alive clients, next to a bare node:http server answering a fixed JSON of the
// same size, in the same run. Each server runs in a child process; the load comes from here.
import http from "node:http";
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { na, quantile, range, summarize } from "./lib/stats.mjs";

const SERVER = fileURLToPath(new URL("./lib/throughput-server.mjs", import.meta.url));
const PATH = "/h5/httpsPreGetmobile";
export const CONCURRENCY = 8;

function startServer(root, kind, fixed) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVER, kind, root, ...(fixed ? [fixed] : [])], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`${kind} server did not start within 20 s ${err.slice(0, 200)}`));
    }, 20_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(
        new Error(
          `${kind} server exited (${code}): ${err.split("\n").find((l) => /Error/.test(l)) ?? err.split("\n").find(Boolean) ?? ""}`,
        ),
      );
    });
    createInterface({ input: child.stdout }).once("line", (line) => {
      clearTimeout(timer);
      const info = JSON.parse(line);
      resolve({
        ...info,
        stop() {
          child.removeAllListeners("exit");
          child.stdin.end();
          child.kill();
        },
      });
    });
  });
}

/** Closed-loop load: `concurrency` clients, each one request at a time, for `ms` after `warmMs`. */
async function load(target, { concurrency, warmMs, ms, maxRequests = 500_000 }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const url = new URL(target.url + PATH);
  const headers = { "Content-Type": "text/plain;charset=UTF-8" };
  if (target.origin)
    Object.assign(headers, { Origin: target.origin, Referer: target.origin + "/index.html" });
  const bodies = target.bodies ?? ['{"bench":true}'];
  const lat = [];
  let errors = 0;
  let firstBody;
  let sent = 0;
  const t0 = performance.now();
  const warmEnd = t0 + warmMs;
  const end = warmEnd + ms;
  const one = (body) =>
    new Promise((resolve) => {
      const start = performance.now();
      const req = http.request(
        url,
        {
          method: "POST",
          agent,
          headers: { ...headers, "Content-Length": Buffer.byteLength(body) },
        },
        (res) => {
          const chunks = [];
          res.on("data", (c) => chunks.push(c));
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString();
            firstBody ??= text;
            resolve({
              start,
              end: performance.now(),
              ok: res.statusCode === 200 && (!target.origin || text.includes('"103000"')),
            });
          });
        },
      );
      req.on("error", () => resolve({ start, end: performance.now(), ok: false }));
      req.end(body);
    });
  const worker = async (w) => {
    for (let i = w; performance.now() < end && sent < maxRequests; i += concurrency) {
      sent++;
      const r = await one(bodies[i % bodies.length]);
      if (r.start >= warmEnd && r.end <= end) {
        if (r.ok) lat.push(r.end - r.start);
        else errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  agent.destroy();
  lat.sort((a, b) => a - b);
  return {
    rps: lat.length / (ms / 1000),
    p50: quantile(lat, 0.5),
    p99: quantile(lat, 0.99),
    ok: lat.length,
    errors,
    firstBody,
  };
}

export async function run(ctx) {
  const title = `Emulator throughput: CM pre-fetch on loopback, ${CONCURRENCY} keep-alive clients`;
  const columns = ["server", "req/s", "p50 ms", "p99 ms", "errors", "vs bare node:http"];
  const align = ["l", "r", "r", "r", "r", "r"];
  if (ctx.dist.errors.emulator)
    return {
      tables: [{ title, columns, rows: [[na(ctx.dist.errors.emulator)]] }],
      data: { error: ctx.dist.errors.emulator },
    };
  const opts = {
    concurrency: CONCURRENCY,
    warmMs: ctx.quick ? 300 : 400,
    ms: ctx.quick ? 1000 : 2000,
  };
  const samples = { emulator: [], bare: [] };
  let fixed;
  let error;
  for (let i = 0; i < ctx.runs && !error; i++) {
    // The emulator first in the first run (its answer's length sizes the bare server's JSON),
    // then alternating, so that a load swing on this shared machine does not favour one side.
    for (const kind of i % 2 === 0 ? ["emulator", "bare"] : ["bare", "emulator"]) {
      let server;
      try {
        server = await startServer(ctx.dist.dir, kind, kind === "bare" ? fixed : undefined);
        const r = await load(server, opts);
        if (kind === "emulator" && !fixed && r.firstBody)
          fixed = JSON.stringify({ bench: "x".repeat(Math.max(0, r.firstBody.length - 13)) });
        if (kind === "emulator" && r.ok === 0)
          throw new Error(`no successful pre-fetch: ${String(r.firstBody).slice(0, 160)}`);
        delete r.firstBody;
        samples[kind].push(r);
      } catch (e) {
        error = e.message;
      } finally {
        server?.stop();
      }
    }
  }
  const row = (kind, label) => {
    const s = samples[kind];
    if (!s.length) return [label, na(error ?? "no sample"), "", "", "", ""];
    const ratios = samples.emulator.map((e, i) =>
      samples.bare[i] ? e.rps / samples.bare[i].rps : NaN,
    );
    return [
      label,
      range(summarize(s.map((x) => x.rps)), (x) => x.toFixed(0)),
      range(summarize(s.map((x) => x.p50)), (x) => x.toFixed(2)),
      range(summarize(s.map((x) => x.p99)), (x) => x.toFixed(2)),
      s.reduce((a, x) => a + x.errors, 0),
      kind === "bare" ? "1" : range(summarize(ratios), (x) => x.toFixed(2) + "×"),
    ];
  };
  return {
    tables: [
      {
        title,
        columns,
        align,
        rows: [
          row("emulator", "emulator POST /h5/httpsPreGetmobile"),
          row("bare", "bare node:http, fixed JSON"),
        ],
        notes: [
          `${ctx.runs} run(s) of ${opts.ms} ms after ${opts.warmMs} ms warm-up; each server in its own child process, a fresh one per run; ratio = emulator/bare req/s of the same run (order alternates).`,
          "The emulator does the whole pre-fetch: JSON parse, checks (sign MD5, referer, origin), SIM choice, accessToken, record.",
        ],
      },
    ],
    data: { ...opts, samples, error },
  };
}
