#!/usr/bin/env node
// `npm run bench` (after `npm run build`): one table per group on stdout, everything as JSON in
// bench/results/latest.json. Benchmarks print; tests never assert timings.
//
//   node bench/run.mjs [--only bytes,round-trips,time-to-view,prepared,script-eval,cleanliness,
//                              trace,emulator] [--runs N] [--quick]
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { resolve } from "node:path";
import { describeMachine, machineLine } from "./lib/machine.mjs";
import { launchBrowser } from "./lib/browser.mjs";
import { loadDist, startBenchEnv } from "./lib/site.mjs";
import { formatTable } from "./lib/table.mjs";
import { na } from "./lib/stats.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
process.chdir(root);

const GROUPS = [
  { name: "bytes", aliases: ["size", "sizes"], load: () => import("./bytes.mjs"), browser: false },
  {
    name: "round-trips",
    aliases: ["rt", "roundtrips"],
    load: () => import("./round-trips.mjs"),
    browser: true,
  },
  {
    name: "time-to-view",
    aliases: ["ttv", "time"],
    load: () => import("./time-to-view.mjs"),
    browser: true,
  },
  {
    name: "prepared",
    aliases: ["prep", "prepare"],
    load: () => import("./prepared.mjs"),
    browser: true,
  },
  {
    name: "script-eval",
    aliases: ["eval", "longtasks"],
    load: () => import("./script-eval.mjs"),
    browser: true,
  },
  {
    name: "cleanliness",
    aliases: ["clean", "leaks"],
    load: () => import("./cleanliness.mjs"),
    browser: true,
  },
  {
    name: "trace",
    aliases: ["tracing"],
    load: () => import("./trace.mjs"),
    browser: true,
  },
  {
    name: "emulator",
    aliases: ["emulator-throughput", "throughput"],
    load: () => import("./emulator-throughput.mjs"),
    browser: false,
  },
];

class UsageError extends Error {}

function parseArgs(argv) {
  const o = { only: null, runs: null, quick: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => (a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[++i]);
    if (a === "--quick") o.quick = true;
    else if (a === "--help" || a === "-h") o.help = true;
    else if (a.startsWith("--only"))
      o.only = String(value() ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
    else if (a.startsWith("--runs")) o.runs = Number(value());
    else throw new UsageError(`unknown option ${a} (try --help)`);
  }
  if (o.runs !== null && !(Number.isInteger(o.runs) && o.runs >= 1 && o.runs <= 50))
    throw new UsageError("--runs takes an integer 1..50");
  return o;
}

function pick(only) {
  if (!only) return GROUPS;
  return only.map((name) => {
    const g =
      GROUPS.find((x) => x.name === name || x.aliases.includes(name)) ??
      GROUPS.find((x) => x.name.startsWith(name));
    if (!g)
      throw new UsageError(
        `unknown group "${name}"; groups: ${GROUPS.map((x) => x.name).join(", ")}`,
      );
    return g;
  });
}

/** A goal's `met` (true, false, or null when it could not be measured) as printed. */
function goalStatus(met) {
  if (met === true) return "met";
  if (met === false) return "not met";
  return "n/a";
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log(
      "node bench/run.mjs [--only " +
        GROUPS.map((g) => g.name).join(",") +
        "] [--runs N] [--quick]",
    );
    return;
  }
  const groups = pick(args.only);
  const runs = args.runs ?? (args.quick ? 2 : 5);
  const machine = describeMachine();
  const started = new Date();
  const log = (m) => process.stderr.write(m + "\n");

  console.log(`# ydrz-jssdk bench — ${started.toISOString()}`);
  console.log(`machine: ${machineLine(machine)}`);
  console.log(`runs: ${runs} per figure (median, min–max)${args.quick ? " · --quick" : ""}\n`);

  // Built files are copied once: a concurrent `npm run build` cannot pull them away mid-run.
  const dist = loadDist(root);
  if (dist.dir === root) log("[bench] dist/ incomplete: " + Object.values(dist.errors).join("; "));
  let browser;
  let env;
  const memo = new Map();
  const ctx = {
    /** One shared result per key across groups (e.g. the in-memory UMD build). */
    memo(key, fn) {
      if (!memo.has(key)) memo.set(key, fn());
      return memo.get(key);
    },
    root,
    runs,
    quick: args.quick,
    log,
    dist,
    machine,
    async browser() {
      browser ??= await launchBrowser();
      return browser;
    },
    /** Static site + emulator, shared by the browser groups; `{error}` when they cannot run. */
    async env() {
      env ??= await startBenchEnv(dist).catch((e) => ({ error: e.message }));
      return env;
    },
  };

  const results = {
    startedAt: started.toISOString(),
    machine,
    options: { runs, quick: args.quick, only: args.only },
    groups: {},
  };
  try {
    for (const g of groups) {
      const t = Date.now();
      log(`[bench] ${g.name}…`);
      let out;
      try {
        const mod = await g.load();
        out = await mod.run(ctx);
      } catch (e) {
        out = {
          tables: [
            { title: g.name, columns: ["figure"], rows: [[na(`${g.name} failed: ${e.message}`)]] },
          ],
          data: { error: e.message },
        };
        log(e.stack);
      }
      const seconds = (Date.now() - t) / 1000;
      log(`[bench] ${g.name} done in ${seconds.toFixed(1)} s`);
      for (const tbl of out.tables)
        console.log(
          formatTable(tbl.title, tbl.columns, tbl.rows, { align: tbl.align, notes: tbl.notes }) +
            "\n",
        );
      results.groups[g.name] = { seconds, ...out.data, tables: out.tables };
    }
  } finally {
    if (browser) await browser.close().catch(() => {});
    if (env && !env.error) await env.close();
    dist.cleanup();
  }
  const goals = Object.entries(results.groups).flatMap(([g, d]) =>
    (d.goals ?? []).map((x) => [x.goal, goalStatus(x.met), x.value, g]),
  );
  results.goals = goals.map(([goal, status, value, group]) => ({ goal, status, value, group }));
  if (goals.length)
    console.log(
      formatTable("Goals", ["goal", "status", "value", "group"], goals, {
        align: ["l", "l", "l", "l"],
      }) + "\n",
    );
  results.finishedAt = new Date().toISOString();
  const dir = resolve(root, "bench/results");
  mkdirSync(dir, { recursive: true });
  writeFileSync(resolve(dir, "latest.json"), JSON.stringify(results, null, 2) + "\n");
  console.log(
    `JSON: bench/results/latest.json · ${((Date.now() - started.getTime()) / 1000).toFixed(0)} s in all`,
  );
}

main().catch((e) => {
  console.error(e instanceof UsageError ? e.message : (e.stack ?? String(e)));
  process.exitCode = 1;
});
