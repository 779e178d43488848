// The emulator's cost per login does not grow with its state: expiry pops expired entries from
// the front (O(expired)), lookups are O(1), and the statistics are counters kept apart from the
// 10,000-record window. Work is counted as map and set entries visited, not as time.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RECORD_WINDOW } from "../../../src/emulator/records";
import type { EmulatorState } from "../../../src/emulator/state";
import { APP_ID, http, md5, postJson, start } from "./support";

/** Counts every step of every Map and Set iterator (for…of, keys(), values(), spread). */
const counter = { visits: 0 };
const iteratorPrototypes = [
  Object.getPrototypeOf(new Map().entries()),
  Object.getPrototypeOf(new Set().values()),
] as { next: (...args: unknown[]) => unknown }[];
const originalNext = iteratorPrototypes.map((p) => p.next);

beforeEach(() => {
  iteratorPrototypes.forEach((proto, i) => {
    const next = originalNext[i];
    proto.next = function (this: unknown, ...args: unknown[]) {
      counter.visits += 1;
      return next.apply(this, args);
    };
  });
});
afterEach(() => {
  iteratorPrototypes.forEach((proto, i) => {
    proto.next = originalNext[i]!;
  });
});

const PHONE = "13800001234";

/** One login straight through the stores, the way the routes drive them. */
function login(state: EmulatorState, i: number): void {
  const traceId = `trace-${i}`;
  const choice = state.sims.choose(traceId, i % 2 === 0 ? "sim=cm" : "");
  if (!choice.ok) throw new Error(choice.reason);
  const session = state.carrierSessions.create({
    carrier: "CT",
    appId: APP_ID,
    traceId,
    simId: "ct",
  });
  state.carrierSessions.issueData(session);
  const at = state.tokens.issueAccessToken({
    appId: APP_ID,
    traceId,
    simId: "cm",
    phone: PHONE,
    maskPhone: "138****1234",
    carrier: "CM",
    authLevel: "4",
    userInformation: "u",
  });
  const redeemed = state.tokens.redeem({
    accessToken: at.accessToken,
    appId: APP_ID,
    phoneHash: md5(PHONE),
    userInformation: "u",
    expandParams: "",
  });
  if (!redeemed.ok) throw new Error(redeemed.reason);
  const validated = state.tokens.validate({
    token: redeemed.value.token,
    appId: APP_ID,
    userInformation: "u",
  });
  if (!validated.ok) throw new Error(validated.reason);
  state.tokens.unusedTokenCount(PHONE);
}

describe("cost per login", () => {
  it("entries visited per login stay flat over 12,000 logins while old entries expire", async () => {
    let clock = Date.UTC(2026, 0, 1);
    const emu = await start({ now: () => clock });
    const perLogin: number[] = [];
    for (let i = 0; i < 12_000; i++) {
      // 200 ms apart: after 5 minutes (1,500 logins) sessions and accessTokens start expiring,
      // after 10 (3,000) the tokens leave the unused-token window.
      clock += 200;
      const before = counter.visits;
      login(emu.state, i);
      perLogin.push(counter.visits - before);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const first = mean(perLogin.slice(0, 1_200));
    const last = mean(perLogin.slice(-1_200));
    // Expiry is under way at the end (one entry of each kind per login), and it costs a few
    // visits, not a walk over the thousands still kept.
    expect(last).toBeLessThan(30);
    expect(last).toBeLessThanOrEqual(first + 10);
    expect(Math.max(...perLogin.slice(-1_200))).toBeLessThan(60);
    // And it did expire: what is kept is what the windows hold, not all 12,000.
    expect(emu.state.tokens.getToken("x")).toBeUndefined();
    expect(emu.state.sims.boundSimId("trace-0")).toBeUndefined();
    expect(emu.state.sims.boundSimId("trace-11999")).toBe("cm");
    // Work is counted, not timed; the time limit only has to outlast a loaded machine.
  }, 60_000);
});

describe("statistics", () => {
  it("count every request since start or reset, beyond the record window, and say the window", async () => {
    const emu = await start();
    const n = RECORD_WINDOW + 1_500;
    for (let i = 0; i < n; i++) {
      emu.state.records.add({
        time: new Date().toISOString(),
        endpoint: "tokenValidate",
        appId: APP_ID,
        resultCode: i % 3 === 0 ? "104007" : "103000",
        durationMs: 0,
        billable: i % 3 !== 0,
      });
    }
    const stats = (await http(emu.url + "/__emulator/stats")).json;
    expect(stats.recordWindow).toBe(10_000);
    expect(stats.recordsKept).toBe(10_000);
    expect(stats.total).toBe(n);
    expect(stats.apps[APP_ID].requests).toBe(n);
    expect(stats.apps[APP_ID].billable).toBe(n - Math.ceil(n / 3));
    expect(stats.apps[APP_ID].byEndpoint.tokenValidate).toEqual({
      "103000": n - Math.ceil(n / 3),
      "104007": Math.ceil(n / 3),
    });
    expect(Date.parse(stats.since)).toBeLessThanOrEqual(Date.now());
    // The record window keeps the newest 10,000, oldest first.
    const records = (await http(emu.url + "/__emulator/records")).json.records;
    expect(records).toHaveLength(10_000);
    expect(records[0].seq).toBe(n - 10_000 + 1);
    expect(records[9_999].seq).toBe(n);
    expect(
      (await http(emu.url + "/__emulator/records?since=" + (n - 2))).json.records,
    ).toHaveLength(2);
    await postJson(emu.url + "/__emulator/reset", {});
    const cleared = (await http(emu.url + "/__emulator/stats")).json;
    expect(cleared).toMatchObject({ apps: {}, total: 0, recordsKept: 0, recordWindow: 10_000 });
  });
});
