// The whole flow over the real transport (fetch with timeout + JSONP in jsdom) with fake timers:
// timeouts per carrier step, and endGetToken cleaning up a pending JSONP.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("../../../src/views/index", () => ({
  mountView: () => {
    throw new Error("real views are not used here");
  },
}));

import { PATHS } from "../../../src/protocol/hosts";
import { createAuthLogin } from "../../../src/sdk/api";
import { callbackOk, DATA, fakeViews, phonescripOk, recorder } from "./fakes";

/** "hang", "fail", or the JSON to answer with. */
type Answer = unknown;
let answers: Record<string, Answer>;
const fetched: { url: string; init: RequestInit }[] = [];

function fakeFetch(url: string, init: RequestInit): Promise<Response> {
  fetched.push({ url, init });
  const path = new URL(url).pathname;
  const answer = answers[path];
  if (answer === "fail" || answer === undefined)
    return Promise.reject(new TypeError("Failed to fetch"));
  if (answer === "hang")
    return new Promise((_r, reject) =>
      init.signal?.addEventListener("abort", () =>
        reject(new DOMException("aborted", "AbortError")),
      ),
    );
  return Promise.resolve(new Response(JSON.stringify(answer)));
}

const globals = window as unknown as Record<string, unknown>;
const script = () => document.querySelector("script");

beforeEach(() => {
  vi.useFakeTimers();
  fetched.length = 0;
  vi.stubGlobal("fetch", fakeFetch);
  globals.fetch = fakeFetch;
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.head.innerHTML = "";
});

function sdkUnderTest() {
  const views = fakeViews();
  const sdk = createAuthLogin({ mountView: views.mountView, report: vi.fn() });
  return { sdk, views };
}

describe("flow over the real transport", () => {
  it("each timed-out carrier step reports 500 for that carrier after the configured timeout", async () => {
    answers = {
      [PATHS.preGetMobile]: "hang",
      [PATHS.ctPhonescrip]: phonescripOk("CT"),
      [PATHS.cuPhonescrip]: "hang",
    };
    const { sdk } = sdkUnderTest();
    sdk.config({ timeout: 5000 });
    const rec = recorder();
    sdk.getTokenInfo({ data: DATA, ...rec.callbacks });

    await vi.advanceTimersByTimeAsync(4999);
    expect(fetched).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    // CM gave up; CT step 1 answered at once and its JSONP script is now waiting.
    expect(script()?.src).toBe(phonescripOk("CT").data);
    expect(typeof globals.getTelecomPhone).toBe("function");
    await vi.advanceTimersByTimeAsync(5000);
    expect(script()).toBeNull();
    expect("getTelecomPhone" in globals).toBe(false);
    await vi.advanceTimersByTimeAsync(5000);

    const { payload } = await rec.first;
    const network = { code: "500", message: "网络异常，请检查网络设置" };
    expect(payload).toMatchObject({
      msgId: "trace-1",
      YDData: network,
      CTData: network,
      CUData: network,
    });
    expect(payload.timing).toMatchObject({ CM: 5000, CT: 5000, CU: 5000 });
    expect(vi.getTimerCount()).toBe(0);
  });

  it("sends the pre-fetch without a Content-Type and the CT steps with their headers", async () => {
    answers = {
      [PATHS.preGetMobile]: { body: { resultCode: "103111", resultDesc: "x" } },
      [PATHS.ctPhonescrip]: phonescripOk("CT"),
      [PATHS.ctCallback]: callbackOk(),
    };
    const { sdk, views } = sdkUnderTest();
    sdk.getTokenInfo({ data: DATA });
    await vi.advanceTimersByTimeAsync(0);
    (globals.getTelecomPhone as (v: unknown) => void)({ result: "0", data: { opaque: true } });
    await vi.advanceTimersByTimeAsync(0);
    expect(views.mounted).toHaveLength(1);
    expect(fetched[0].init.headers).toEqual({});
    // CT/CU bodies are JSON text without a Content-Type of ours (the browser sends text/plain).
    expect(fetched[1].init.headers).toEqual({
      appId: "300011",
      interfaceVersion: "2.0",
      traceId: "trace-1",
    });
    expect(JSON.parse(fetched[2].init.body as string)).toMatchObject({
      data: { opaque: true },
      ver: "1.0",
    });
    sdk.endGetToken();
  });

  it("endGetToken during the JSONP removes the script and the global, and delivers 503 once", async () => {
    answers = { [PATHS.preGetMobile]: "fail", [PATHS.ctPhonescrip]: phonescripOk("CT") };
    const { sdk } = sdkUnderTest();
    const rec = recorder();
    sdk.getTokenInfo({ data: DATA, ...rec.callbacks });
    await vi.advanceTimersByTimeAsync(0);
    const cb = globals.getTelecomPhone as (v: unknown) => void;
    expect(script()).not.toBeNull();
    sdk.endGetToken();
    expect(script()).toBeNull();
    expect("getTelecomPhone" in globals).toBe(false);
    // A carrier script that still calls the function it captured changes nothing.
    cb({ result: "0", data: "late" });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(rec.all).toEqual([
      { kind: "error", payload: { code: "503", message: "获取token结束", msgId: "trace-1" } },
    ]);
    expect(fetched).toHaveLength(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("endGetToken aborts an in-flight fetch", async () => {
    answers = { [PATHS.preGetMobile]: "hang" };
    const { sdk } = sdkUnderTest();
    sdk.getTokenInfo({ data: DATA });
    await vi.advanceTimersByTimeAsync(0);
    expect(fetched[0].init.signal?.aborted).toBe(false);
    sdk.endGetToken();
    expect(fetched[0].init.signal?.aborted).toBe(true);
  });
});

describe("the module", () => {
  it("exposes the package version defined by the build (a dev marker when the runner lacks the define)", async () => {
    const pkg = await import("../../../package.json");
    const { sdk } = sdkUnderTest();
    expect(sdk.version).toBe(pkg.version);
  });

  it("creates an instance without a window, and answers getConnection there", () => {
    const sdk = createAuthLogin({
      window: undefined,
      document: undefined,
      mountView: fakeViews().mountView,
    });
    expect(sdk.getConnection("1")).toMatchObject({ appid: "1", netType: "unknown" });
    const rec = recorder();
    sdk.getTokenInfo({ data: DATA, ...rec.callbacks });
    expect(rec.all).toHaveLength(0);
    sdk.endGetToken();
    expect(rec.all[0].payload).toMatchObject({ code: "503" });
  });
});
