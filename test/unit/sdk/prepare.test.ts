// prepare (npm module): the number fetched ahead of the tap, kept once for 5 minutes, and every
// rule that drops it (expiry, use, cancel, endGetToken, pagehide, another app), against a fake
// gateway and view.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { MountView } from "../../../src/views/contract";

// The SDK is tested against a fake view (fakes.ts); the stylesheet injection and the rehearsal
// are watched. The views' own mountView stands in for the fake one where a test says so.
const { injectStyles, rehearseView, ownMountView } = vi.hoisted(() => ({
  injectStyles: vi.fn(),
  rehearseView: vi.fn(),
  ownMountView: vi.fn<MountView>(() => {
    throw new Error("real views are not used here");
  }),
}));
vi.mock("../../../src/views/index", () => ({
  mountView: ownMountView,
  injectStyles,
  rehearseView,
}));
import { PATHS } from "../../../src/protocol/hosts";
import type { PrepareResult } from "../../../src/sdk/prepare";
import { createAuthLogin, type Deps } from "../../../src/sdk/api";
import {
  callbackOk,
  cmFail,
  cmOk,
  DATA,
  flush,
  HOLD,
  jsonpOk,
  MASK,
  phonescripOk,
  recorder,
  routes,
  setup,
  start,
  tokenOk,
} from "./fakes";

const T0 = new Date(2026, 0, 1, 12, 0, 0, 0).getTime();
const FIVE_MINUTES = 5 * 60 * 1000;
const PREPARE_DATA = { ...DATA, traceId: "prep-1" };

/** An SDK on a clock the test moves, against `table`. */
function prepared(table: Record<string, unknown>, { ownViews = false } = {}) {
  let now = T0;
  // ownViews: the SDK uses the views module's mountView (here the fake views behind it).
  const create = (deps: Partial<Deps>) =>
    createAuthLogin(ownViews ? { ...deps, mountView: undefined } : deps);
  const s = setup(routes(table), { now: () => now, create });
  if (ownViews) ownMountView.mockImplementation(s.views.mountView);
  return {
    ...s,
    advance(ms: number) {
      now += ms;
    },
    prepare(data: Record<string, unknown> = {}) {
      return s.sdk.prepareAsync({ ...PREPARE_DATA, ...data });
    },
    preFetches: () => s.transport.paths().filter((p) => p === PATHS.preGetMobile).length,
  };
}

/**
 * A turned phone: the fingerprint of a call started now differs from the prepare's (it reads
 * screen.availWidth); the prepared accessToken must still travel with the prepare's.
 */
function rotateScreen() {
  Object.defineProperty(window.screen, "availWidth", { value: 844, configurable: true });
}

afterEach(() => {
  Reflect.deleteProperty(window.screen, "availWidth");
});

const cmTable = { [PATHS.preGetMobile]: cmOk(), [PATHS.authGetToken]: tokenOk };

describe("a fresh prepared number", () => {
  it("answers available, pre-draws the stylesheet, and getTokenInfo opens with 0 requests", async () => {
    injectStyles.mockClear();
    const t = prepared(cmTable);
    const result = await t.prepare();
    expect(result).toEqual({
      available: true,
      carrier: "CM",
      authLevel: "4",
      maskPhone: MASK,
      expiresAt: T0 + FIVE_MINUTES,
      msgId: "prep-1",
      timing: expect.objectContaining({ CM: 0 }),
    });
    expect(injectStyles).toHaveBeenCalledTimes(1);
    expect(injectStyles).toHaveBeenCalledWith(document, true);
    const requests = t.transport.calls.length;
    rotateScreen();
    const rec = start(t.sdk);
    await flush();
    expect(t.transport.calls).toHaveLength(requests);
    expect(t.views.mounted).toHaveLength(1);
    expect(t.views.last().model).toMatchObject({ maskPhone: MASK, carrier: "CM", authLevel: "4" });
    // The token request carries the fingerprint the accessToken was fetched with.
    t.views.last().handlers.submit("0000");
    const { kind, payload } = await rec.first;
    expect(kind).toBe("success");
    expect(payload).toMatchObject({ token: "TOKEN-1", msgId: "trace-1" });
    const preFetchBody = JSON.parse(t.transport.calls[0].body as string);
    const tokenBody = t.transport.calls[1].body as Record<string, string>;
    expect(t.transport.calls[1].path).toBe(PATHS.authGetToken);
    expect(tokenBody.accessToken).toBe("AT-CM");
    expect(tokenBody.userInformation).toBe(preFetchBody.userInformation);
  });

  it("is used up to just before its 5 minutes", async () => {
    const t = prepared(cmTable);
    await t.prepare();
    t.advance(FIVE_MINUTES - 1);
    start(t.sdk);
    await flush();
    expect(t.preFetches()).toBe(1);
    expect(t.views.mounted).toHaveLength(1);
  });

  it("serves the promise form getToken too", async () => {
    const t = prepared({ [PATHS.preGetMobile]: cmOk({ authLevel: "5" }) });
    await t.prepare();
    const res = await t.sdk.getToken({ ...DATA, traceId: "trace-9" });
    expect(res).toMatchObject({ accessToken: "AT-CM", oper: "CM", msgId: "trace-9" });
    expect(t.preFetches()).toBe(1);
  });

  it("at authLevel 5 hands out the accessToken after getTokenInfo has returned", async () => {
    const t = prepared({ [PATHS.preGetMobile]: cmOk({ authLevel: "5" }) });
    expect(await t.prepare()).toMatchObject({ available: true, authLevel: "5" });
    const rec = start(t.sdk);
    expect(rec.all).toHaveLength(0);
    const { kind, payload } = await rec.first;
    expect(kind).toBe("success");
    expect(payload).toMatchObject({ accessToken: "AT-CM", maskPhone: MASK, oper: "CM" });
  });

  it("keeps getPageOption's texts for a standard popup prepared as one", async () => {
    const pageOption = { resultCode: "103000", data: { pageOption: { pageTitle: "一键登录" } } };
    const t = prepared({ ...cmTable, [PATHS.pageOption]: pageOption });
    await t.prepare({ authPageType: "1" });
    const requests = t.transport.calls.length;
    expect(requests).toBe(2);
    start(t.sdk, { authPageType: "1" });
    await flush();
    expect(t.transport.calls).toHaveLength(requests);
    expect(t.views.last().model).toMatchObject({
      kind: "standard-popup",
      pageOption: { pageTitle: "一键登录" },
    });
  });

  it("fetches the popup's texts when the later call asks for the standard popup alone", async () => {
    const pageOption = { resultCode: "103000", data: { pageOption: { pageTitle: "一键登录" } } };
    const t = prepared({ ...cmTable, [PATHS.pageOption]: pageOption });
    await t.prepare({ authPageType: "0" });
    start(t.sdk, { authPageType: "1" });
    await flush();
    expect(t.transport.paths()).toEqual([PATHS.preGetMobile, PATHS.pageOption]);
    expect(t.views.last().model.kind).toBe("standard-popup");
  });
});

describe("for a subscriber of another carrier", () => {
  it("prepares Telecom's masked number, and getTokenInfo uses it without a request", async () => {
    const t = prepared({
      [PATHS.preGetMobile]: cmFail("103111", "WAP网关IP错误", { msisdnOwner: "CT" }),
      [PATHS.ctPhonescrip]: phonescripOk("CT"),
      "https://gw.ct.example": jsonpOk,
      [PATHS.ctCallback]: callbackOk(),
    });
    expect(await t.prepare()).toMatchObject({
      available: true,
      carrier: "CT",
      maskPhone: "189****5678",
    });
    const requests = t.transport.calls.length;
    start(t.sdk);
    await flush();
    expect(t.transport.calls).toHaveLength(requests);
    expect(t.views.last().model).toMatchObject({ carrier: "CT", maskPhone: "189****5678" });
  });
});

describe("the kept number is dropped", () => {
  it("after 5 minutes: getTokenInfo runs the whole flow", async () => {
    const t = prepared(cmTable);
    await t.prepare();
    t.advance(FIVE_MINUTES);
    start(t.sdk);
    await flush();
    expect(t.preFetches()).toBe(2);
    expect(t.views.mounted).toHaveLength(1);
  });

  it("once used: a second getTokenInfo fetches again", async () => {
    const t = prepared(cmTable);
    await t.prepare();
    const first = start(t.sdk);
    await flush();
    t.views.last().handlers.submit("0000");
    expect((await first.first).kind).toBe("success");
    start(t.sdk, { traceId: "trace-2" });
    await flush();
    expect(t.preFetches()).toBe(2);
  });

  it("when the user closes the view without authorising (501)", async () => {
    const t = prepared(cmTable);
    await t.prepare();
    const first = start(t.sdk);
    await flush();
    t.views.last().handlers.cancel();
    expect(await first.first).toMatchObject({ kind: "error", payload: { code: "501" } });
    start(t.sdk, { traceId: "trace-2" });
    await flush();
    expect(t.preFetches()).toBe(2);
  });

  it("on endGetToken, with no call running", async () => {
    const t = prepared(cmTable);
    await t.prepare();
    t.sdk.endGetToken();
    start(t.sdk);
    await flush();
    expect(t.preFetches()).toBe(2);
  });

  it("on pagehide, and the listener goes with it", async () => {
    const t = prepared(cmTable);
    const remove = vi.spyOn(window, "removeEventListener");
    await t.prepare();
    window.dispatchEvent(new Event("pagehide"));
    expect(remove).toHaveBeenCalledWith("pagehide", expect.any(Function));
    remove.mockRestore();
    start(t.sdk);
    await flush();
    expect(t.preFetches()).toBe(2);
  });

  it("for another app: not used, and the flow fetches for that app", async () => {
    const t = prepared(cmTable);
    await t.prepare();
    start(t.sdk, { appId: "300099" });
    await flush();
    expect(t.preFetches()).toBe(2);
    expect(JSON.parse(t.transport.calls[1].body as string).appId).toBe("300099");
  });

  it("by a new prepare, which fetches again", async () => {
    const t = prepared(cmTable);
    await t.prepare();
    await t.prepare({ traceId: "prep-2" });
    expect(t.preFetches()).toBe(2);
  });
});

describe("unavailable", () => {
  it("a blacklisted China Mobile number: kind, sms hint and each carrier's result", async () => {
    injectStyles.mockClear();
    const t = prepared({
      [PATHS.preGetMobile]: cmFail("111002", "黑名单号码用户", { msisdnOwner: "CM" }),
    });
    const result = await t.prepare();
    expect(result).toMatchObject({
      available: false,
      code: "111002",
      message: "黑名单号码用户",
      msgId: "prep-1",
      kind: "blacklisted",
      retryable: false,
      sms: true,
      carrier: "CM",
      YDData: { code: "111002", message: "黑名单号码用户" },
      CTData: { code: "105003" },
      CUData: { code: "105001" },
    });
    expect(injectStyles).not.toHaveBeenCalled();
    // Nothing kept: getTokenInfo fetches.
    start(t.sdk);
    await flush();
    expect(t.preFetches()).toBe(2);
  });

  it("the callback form: error with the same result, success never", async () => {
    const t = prepared({ [PATHS.preGetMobile]: cmFail("103101", "错误的请求签名") });
    const rec = recorder();
    t.sdk.prepare(PREPARE_DATA, rec.callbacks as never);
    const { kind, payload } = await rec.first;
    expect(kind).toBe("error");
    expect(payload).toMatchObject({ available: false, code: "103101", kind: "sign-rejected" });
    await flush();
    expect(rec.all).toHaveLength(1);
  });

  it("missing data: 503 with the field, no request", async () => {
    const t = prepared(cmTable);
    const result = await t.prepare({ sign: "" });
    expect(result).toEqual({
      available: false,
      code: "503",
      message: "参数缺失",
      msgId: "prep-1",
      kind: "missing-param",
      retryable: false,
      sms: false,
      field: "sign",
    });
    expect(t.transport.calls).toHaveLength(0);
  });

  it("data whose getters throw: the 503 for data, nothing thrown", async () => {
    const t = prepared(cmTable);
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error("hostile");
        },
      },
    );
    const result: PrepareResult = await t.sdk.prepareAsync(hostile as never);
    expect(result).toMatchObject({ available: false, code: "503", field: "data" });
  });

  it("while getTokenInfo runs: 104018, retryable; the running call continues", async () => {
    const t = prepared({ ...cmTable, [PATHS.preGetMobile]: HOLD });
    const running = start(t.sdk);
    const pending = await t.transport.next(PATHS.preGetMobile);
    expect(await t.prepare()).toMatchObject({
      available: false,
      code: "104018",
      kind: "busy",
      retryable: true,
      sms: false,
    });
    pending.resolve(cmOk());
    await flush();
    expect(t.views.mounted).toHaveLength(1);
    expect(running.all).toHaveLength(0);
  });

  it("while another prepare runs: 104018; the first answers and is kept", async () => {
    const t = prepared({ ...cmTable, [PATHS.preGetMobile]: HOLD });
    const first = t.prepare();
    const pending = await t.transport.next(PATHS.preGetMobile);
    expect(await t.prepare({ traceId: "prep-2" })).toMatchObject({ code: "104018" });
    pending.resolve(cmOk());
    expect(await first).toMatchObject({ available: true, msgId: "prep-1" });
    start(t.sdk);
    await flush();
    expect(t.preFetches()).toBe(1);
  });

  it("getTokenInfo while prepare runs: 104018 for getTokenInfo", async () => {
    const t = prepared({ ...cmTable, [PATHS.preGetMobile]: HOLD });
    const first = t.prepare();
    const pending = await t.transport.next(PATHS.preGetMobile);
    const rec = start(t.sdk);
    expect(rec.all).toEqual([
      { kind: "error", payload: { code: "104018", message: "正在处理，请稍后", msgId: "trace-1" } },
    ]);
    pending.resolve(cmOk());
    expect((await first).available).toBe(true);
  });

  it("ended by endGetToken while it runs: kind ended, the late answer not kept", async () => {
    const t = prepared({ ...cmTable, [PATHS.preGetMobile]: HOLD });
    const first = t.prepare();
    const pending = await t.transport.next(PATHS.preGetMobile);
    t.sdk.endGetToken();
    expect(await first).toMatchObject({ available: false, code: "503", kind: "ended" });
    expect(pending.aborted).toBe(true);
    pending.resolve(cmOk());
    start(t.sdk);
    await flush();
    expect(t.preFetches()).toBe(2);
  });
});

describe("with the hosted page (config({hostedPage: true}))", () => {
  const PAGE = "https://gw.example:7002/h5/onekeylogin/authPage";

  it("opens it for the prepared number, with the fingerprint it was fetched with", async () => {
    const t = prepared({ [PATHS.preGetMobile]: cmOk({ authPageUrl: PAGE }) });
    t.sdk.config({ hostedPage: true });
    await t.prepare();
    const preFetchBody = JSON.parse(t.transport.calls[0].body as string);
    rotateScreen();
    start(t.sdk, { authPageType: "0" });
    await flush();
    const frame = document.querySelector<HTMLIFrameElement>("iframe#auth")!;
    const query = new URL(frame.src).searchParams;
    expect(query.get("accessToken")).toBe("AT-CM");
    expect(query.get("traceId")).toBe("trace-1");
    expect(frame.src).toContain(`&userInformation=${preFetchBody.userInformation}&`);
    expect(t.preFetches()).toBe(1);
    expect(t.views.mounted).toHaveLength(0);
    t.sdk.endGetToken();
    expect(document.querySelector("iframe#auth")).toBeNull();
  });

  it("at authLevel 5 the prepare keeps the number and the later call gets the accessToken", async () => {
    const t = prepared({ [PATHS.preGetMobile]: cmOk({ authPageUrl: PAGE, authLevel: "5" }) });
    t.sdk.config({ hostedPage: true });
    expect(await t.prepare()).toMatchObject({ available: true, authLevel: "5" });
    const rec = start(t.sdk, { authPageType: "0" });
    expect(await rec.first).toMatchObject({ kind: "success", payload: { accessToken: "AT-CM" } });
    expect(document.querySelector("iframe#auth")).toBeNull();
  });
});

describe("the pre-draw", () => {
  /** Runs the task the pre-draw waits for. */
  const nextTask = () => new Promise((resolve) => setTimeout(resolve));

  afterEach(() => {
    rehearseView.mockClear();
  });

  it("rehearses the view of the prepared number once, in a task after prepare answered", async () => {
    const t = prepared(cmTable, { ownViews: true });
    await t.prepare();
    expect(rehearseView).not.toHaveBeenCalled();
    await nextTask();
    expect(rehearseView).toHaveBeenCalledTimes(1);
    const model = rehearseView.mock.calls[0][0];
    expect(model).toMatchObject({ kind: "standard-page", carrier: "CM", maskPhone: MASK });
    expect(model).toMatchObject({ authLevel: "4" });
    // Gateway data only: the integrator's options are the real view's to read.
    expect(model).not.toHaveProperty("popupOptions");
    expect(model).not.toHaveProperty("pageOptions");
    // The tap still draws the real view, with no request.
    const requests = t.transport.calls.length;
    start(t.sdk);
    await flush();
    expect(t.views.mounted).toHaveLength(1);
    expect(t.transport.calls).toHaveLength(requests);
  });

  it("rehearses the standard popup with getPageOption's texts", async () => {
    const texts = { pageTitle: "一键登录", configBusinessName: "示例业务" };
    const pageOption = { resultCode: "103000", data: { pageOption: texts } };
    const t = prepared({ ...cmTable, [PATHS.pageOption]: pageOption }, { ownViews: true });
    await t.prepare({ authPageType: "1" });
    await nextTask();
    expect(rehearseView.mock.calls[0][0]).toMatchObject({
      kind: "standard-popup",
      pageOption: texts,
      appName: "示例业务",
    });
  });

  it("not when getTokenInfo took the number first, nor after endGetToken", async () => {
    const t = prepared(cmTable, { ownViews: true });
    await t.prepare();
    start(t.sdk);
    await nextTask();
    expect(rehearseView).not.toHaveBeenCalled();
    t.sdk.endGetToken();
    await t.prepare({ traceId: "prep-2" });
    t.sdk.endGetToken();
    await nextTask();
    expect(rehearseView).not.toHaveBeenCalled();
  });

  it("not at authLevel 5 (no view to draw), nor with a stand-in mountView", async () => {
    const level5 = prepared({ [PATHS.preGetMobile]: cmOk({ authLevel: "5" }) }, { ownViews: true });
    await level5.prepare();
    const standIn = prepared(cmTable);
    await standIn.prepare();
    await nextTask();
    expect(rehearseView).not.toHaveBeenCalled();
  });
});

describe("without the SDK's stylesheet (config({injectCss: false}))", () => {
  it("prepare injects nothing", async () => {
    injectStyles.mockClear();
    const t = prepared(cmTable);
    t.sdk.config({ injectCss: false });
    await t.prepare();
    expect(injectStyles).toHaveBeenCalledWith(document, false);
  });
});
