#!/usr/bin/env node
/**
 * Load test of the gateway emulator (`npm run load`, after `npm run build`): complete logins as a
 * client makes them — CM pre-fetch → authGetToken → tokenValidate — plus the same tokenValidate
 * sent again, which must be refused (tokens are single use). The emulator runs as a child process
 * on loopback so that its own CPU time can be read (process.cpuUsage over IPC).
 *
 * Prints requests per second, p50/p99 latency, the emulator's CPU per login over the first and
 * the last tenth, and checks the records, the billable count and the single-use answers. Bounded:
 * at most 20,000 logins, 200 in flight, and it gives up after a time limit.
 *
 *   node scripts/load-test.mjs [--logins 10000] [--concurrency 100] [--time-limit-s 300]
 */
import { fork } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { Agent, request } from "node:http";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

/** The sample registry's demo app (test-only key) and the page it registers. */
const APP_ID = "300011000001";
const APP_KEY = "a7d94bd19aa72cfc8f7067a59a53369e";
const DEMO = "http://127.0.0.1:8080";
const BROWSER = { Referer: `${DEMO}/standard-popup.html`, Origin: DEMO };
/**
 * One test SIM per worker: a number may hold at most 30 unused tokens, and 100 logins in flight
 * on one number would exceed it. Worker w logs in as 1390000wwww.
 */
const simOf = (worker) => ({
  id: `load-${worker}`,
  number: `1390000${String(worker).padStart(4, "0")}`,
  carrier: "CM",
  network: "cellular",
});
const USER_INFO = encodeURIComponent(Buffer.from("load-test@@Node").toString("base64"));

const LIMITS = { logins: 20_000, concurrency: 200, timeLimitS: 900 };

/** The emulator's process, killed on any way out so that nothing is left running. */
let emulatorChild;

function parseArgs(argv) {
  const out = { logins: 10_000, concurrency: 100, timeLimitS: 300, child: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === "--child") {
      out.child = true;
      continue;
    }
    const names = { "--logins": "logins", "--concurrency": "concurrency" };
    const key = names[flag] ?? (flag === "--time-limit-s" ? "timeLimitS" : undefined);
    const value = Number(argv[++i]);
    if (key === undefined || !Number.isInteger(value) || value < 1 || value > LIMITS[key]) {
      throw new Error(
        `${flag}: expected one of --logins (≤ 20000), --concurrency (≤ 200), ` +
          "--time-limit-s (≤ 900) with a positive integer",
      );
    }
    out[key] = value;
  }
  return out;
}

/** Child mode: the emulator alone in this process, answering "cpu" and "stop" over IPC. */
async function runEmulatorChild() {
  const { startEmulator } = require(join(ROOT, "dist/emulator.cjs"));
  const emu = await startEmulator({ host: "127.0.0.1", port: 0 });
  process.on("message", async (m) => {
    if (m === "cpu") process.send({ cpu: process.cpuUsage() });
    if (m === "stop") {
      await emu.close();
      process.exit(0);
    }
  });
  process.send({ url: emu.url });
}

/** One keep-alive pool of exactly `concurrency` sockets, loopback only. */
function client(baseUrl, concurrency) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies = [];
  const send = (path, { method = "POST", headers = {}, body }) =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      const req = request(baseUrl + path, { method, headers, agent }, (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => {
          latencies.push(performance.now() - started);
          const text = Buffer.concat(chunks).toString("utf8");
          try {
            resolve({ status: res.statusCode, json: JSON.parse(text) });
          } catch {
            reject(new Error(`${path}: HTTP ${res.statusCode}, not JSON: ${text.slice(0, 120)}`));
          }
        });
        res.on("error", reject);
      });
      req.on("error", reject);
      if (body !== undefined) req.end(body);
      else req.end();
    });
  return { send, latencies, close: () => agent.destroy() };
}

/** The emulator's CPU time so far, in microseconds (user + system). */
function cpuOf(child) {
  return new Promise((resolve) => {
    child.once("message", (m) => resolve(m.cpu.user + m.cpu.system));
    child.send("cpu");
  });
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

/** One complete login; resolves with the checks it made, throws on any unexpected answer. */
async function login(http, helpers, { privateKeyPem, sim }) {
  const traceId = helpers.newTraceId();
  const timestamp = helpers.newTimestamp();
  const fields = { appId: APP_ID, traceId, timestamp, version: "2.0" };
  const preBody = {
    ...fields,
    businessType: "8",
    msgId: traceId,
    sign: helpers.signGetTokenInfo(fields, APP_KEY),
    authPageType: "1",
    userInformation: USER_INFO,
    expandParams: `sim=${sim.id}`,
  };
  const fetched = await http.send("/h5/httpsPreGetmobile", {
    headers: { "Content-Type": "text/plain;charset=UTF-8", ...BROWSER },
    body: JSON.stringify(preBody),
  });
  if (fetched.json.body?.resultCode !== "103000") {
    throw new Error(`pre-fetch answered ${JSON.stringify(fetched.json).slice(0, 200)}`);
  }
  const token = await http.send("/h5/onekeylogin/authGetToken", {
    headers: {
      "Content-Type": "application/json",
      interfaceVersion: "2.0",
      timestamp: helpers.newTimestamp(),
      appId: APP_ID,
      businessType: "8",
      traceId,
      ...BROWSER,
    },
    body: JSON.stringify({
      accessToken: fetched.json.body.accessToken,
      phone: helpers.md5Hex(sim.number),
      userInformation: USER_INFO,
      expandParams: "",
    }),
  });
  if (token.json.resultCode !== "103000") {
    throw new Error(`authGetToken answered ${JSON.stringify(token.json).slice(0, 200)}`);
  }
  const validation = helpers.buildTokenValidateRequest({
    appId: APP_ID,
    token: token.json.data.token,
    userInformation: USER_INFO,
    privateKeyPem,
  });
  const validateOnce = () =>
    http.send("/h5/onekeylogin/tokenValidate", {
      headers: validation.headers,
      body: JSON.stringify(validation.body),
    });
  const first = await validateOnce();
  if (first.json.resultCode !== "103000") {
    throw new Error(`tokenValidate answered ${JSON.stringify(first.json).slice(0, 200)}`);
  }
  if (helpers.decryptMsisdn(first.json.data.msisdn, APP_KEY) !== sim.number) {
    throw new Error("tokenValidate returned another number");
  }
  const again = await validateOnce();
  return { secondRefused: again.json.resultCode === "104007" };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.child) {
    await runEmulatorChild();
    return;
  }
  const helpers = require(join(ROOT, "dist/server.cjs"));
  const { publicKey, privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 1024,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });

  const child = fork(fileURLToPath(import.meta.url), ["--child"], { stdio: "inherit" });
  emulatorChild = child;
  const url = await new Promise((resolve, reject) => {
    child.once("message", (m) => resolve(m.url));
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`the emulator exited (${code})`)));
  });
  const limit = setTimeout(() => {
    process.stderr.write(`load-test: over the ${args.timeLimitS} s limit, stopping\n`);
    child.kill();
    process.exit(1);
  }, args.timeLimitS * 1000);

  const http = client(url, args.concurrency);
  const admin = (method, path, body) =>
    http.send("/__emulator" + path, {
      method,
      headers: { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const prepare = async () => {
    await admin("PATCH", `/apps/${APP_ID}`, { rsaPublicKey: publicKey });
    for (let w = 0; w < args.concurrency; w++) await admin("POST", "/sims", simOf(w));
  };
  await prepare();
  // Warm up (JIT, sockets) so that the first tenth measures the emulator, not the compiler; then
  // reset, so that the measured run starts from empty state and the counts are its own.
  const warmUp = Math.min(500, args.logins);
  await Promise.all(
    Array.from({ length: args.concurrency }, async (_, w) => {
      const as = { privateKeyPem: privateKey, sim: simOf(w) };
      for (let i = w; i < warmUp; i += args.concurrency) await login(http, helpers, as);
    }),
  );
  await admin("POST", "/reset", {});
  await prepare();
  http.latencies.length = 0;

  const tenth = Math.max(1, Math.floor(args.logins / 10));
  const marks = new Map([
    [0, null],
    [tenth, null],
    [args.logins - tenth, null],
    [args.logins, null],
  ]);
  marks.set(0, await cpuOf(child));
  const loginTimes = [];
  let started = 0;
  let done = 0;
  let refusedAgain = 0;
  const t0 = performance.now();
  let tFirstTenth = 0;
  let tLastTenthStart = 0;
  const worker = async (w) => {
    const as = { privateKeyPem: privateKey, sim: simOf(w) };
    while (started < args.logins) {
      started += 1;
      const begun = performance.now();
      const result = await login(http, helpers, as);
      loginTimes.push(performance.now() - begun);
      if (result.secondRefused) refusedAgain += 1;
      done += 1;
      const n = done;
      if (marks.has(n) && marks.get(n) === null) {
        if (n === tenth) tFirstTenth = performance.now() - t0;
        if (n === args.logins - tenth) tLastTenthStart = performance.now() - t0;
        // The other workers keep going meanwhile, so the mark lands within a request or two.
        marks.set(n, await cpuOf(child));
      }
    }
  };
  await Promise.all(Array.from({ length: args.concurrency }, (_, w) => worker(w)));
  const elapsedMs = performance.now() - t0;
  const tLastTenth = elapsedMs - tLastTenthStart;

  const stats = (await admin("GET", "/stats")).json;
  const records = (await admin("GET", "/records")).json.records;
  const requests = http.latencies.length - 2;
  const sorted = [...http.latencies].sort((a, b) => a - b);
  const loginSorted = [...loginTimes].sort((a, b) => a - b);
  const cpuFirst = (marks.get(tenth) - marks.get(0)) / tenth / 1000;
  const cpuLast = (marks.get(args.logins) - marks.get(args.logins - tenth)) / tenth / 1000;
  const app = stats.apps[APP_ID] ?? { requests: 0, billable: 0, byEndpoint: {} };
  const expectedRequests = args.logins * 4;
  const checks = [
    [`every second tokenValidate refused with 104007`, refusedAgain === args.logins],
    [`stats count ${expectedRequests} requests`, app.requests === expectedRequests],
    [`billable = ${args.logins}`, app.billable === args.logins],
    [
      `tokenValidate codes {103000: ${args.logins}, 104007: ${args.logins}}`,
      app.byEndpoint.tokenValidate?.["103000"] === args.logins &&
        app.byEndpoint.tokenValidate?.["104007"] === args.logins,
    ],
    [
      `records keep the last min(${stats.recordWindow}, requests)`,
      records.length === Math.min(stats.recordWindow, expectedRequests),
    ],
    [`CPU per login, last tenth within 25 % of the first`, cpuLast <= cpuFirst * 1.25],
  ];

  const ms = (x) => `${x.toFixed(1)} ms`;
  const lines = [
    `logins ${args.logins} at concurrency ${args.concurrency}: ${(elapsedMs / 1000).toFixed(1)} s`,
    `requests ${requests}: ${((requests / elapsedMs) * 1000).toFixed(0)} req/s ` +
      `(first tenth ${(((tenth * 4) / tFirstTenth) * 1000).toFixed(0)}, ` +
      `last tenth ${(((tenth * 4) / tLastTenth) * 1000).toFixed(0)})`,
    `request latency p50 ${ms(percentile(sorted, 50))}, p99 ${ms(percentile(sorted, 99))}`,
    `login latency p50 ${ms(percentile(loginSorted, 50))}, p99 ${ms(percentile(loginSorted, 99))}`,
    `emulator CPU per login: first tenth ${ms(cpuFirst)}, last tenth ${ms(cpuLast)} ` +
      `(${(((cpuLast - cpuFirst) / cpuFirst) * 100).toFixed(0)} %)`,
    `stats: ${stats.total} requests, billable ${app.billable}; ` +
      `records kept ${records.length} of window ${stats.recordWindow}`,
    ...checks.map(([what, ok]) => `${ok ? "ok  " : "FAIL"} ${what}`),
  ];
  process.stdout.write(lines.join("\n") + "\n");

  clearTimeout(limit);
  http.close();
  child.send("stop");
  await new Promise((resolve) => child.once("exit", resolve));
  process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;
}

main().catch((e) => {
  process.stderr.write(`load-test: ${e.stack ?? e}\n`);
  emulatorChild?.kill();
  process.exit(1);
});
