// Exactly one final callback per call, whatever races: endGetToken during each step, a second
// call while one runs, callbacks that throw, cancel against end, late gateway answers.
import { describe, expect, it, vi } from "vitest";

// The SDK is tested against a fake view (fakes.ts); the real views are another module's tests.
vi.mock("../../../src/views/index", () => ({
  mountView: () => {
    throw new Error("real views are not used here");
  },
}));
import { PATHS } from "../../../src/protocol/hosts";
import { createAuthLogin } from "../../../src/sdk/api";
import type { Transport } from "../../../src/sdk/transport";
import {
  callbackOk,
  cmFail,
  cmOk,
  fakeTransport,
  fakeViews,
  flush,
  HOLD,
  jsonpOk,
  phonescripOk,
  recorder,
  routes,
  setup,
  start,
  tokenOk,
} from "./fakes";

const ENDED = { code: "503", message: "获取token结束", msgId: "trace-1" };

describe("endGetToken during each step", () => {
  const steps: [string, string, Record<string, unknown>][] = [
    ["the CM pre-fetch", PATHS.preGetMobile, { [PATHS.preGetMobile]: HOLD }],
    [
      "the page options",
      PATHS.pageOption,
      { [PATHS.preGetMobile]: cmOk(), [PATHS.pageOption]: HOLD },
    ],
    [
      "CT step 1",
      PATHS.ctPhonescrip,
      { [PATHS.preGetMobile]: cmFail(), [PATHS.ctPhonescrip]: HOLD },
    ],
    [
      "the CT JSONP",
      "/get",
      {
        [PATHS.preGetMobile]: cmFail(),
        [PATHS.ctPhonescrip]: phonescripOk("CT"),
        "https://gw.ct.example": HOLD,
      },
    ],
    [
      "the CU callback",
      PATHS.cuCallback,
      {
        [PATHS.preGetMobile]: cmFail(),
        [PATHS.ctPhonescrip]: { resultCode: "301", desc: "参数错误" },
        [PATHS.cuPhonescrip]: phonescripOk("CU"),
        "https://gw.cu.example": jsonpOk,
        [PATHS.cuCallback]: HOLD,
      },
    ],
  ];

  for (const [label, path, table] of steps) {
    it(`during ${label}: aborts it, delivers 503 once, and ignores the late answer`, async () => {
      const { sdk, transport, views } = setup(routes(table));
      const rec = start(sdk, { authPageType: "1" });
      const pending = await transport.next(path);
      sdk.endGetToken();
      const callsAtEnd = transport.calls.length;
      expect(rec.all).toEqual([{ kind: "error", payload: ENDED }]);
      expect(pending.aborted).toBe(true);
      // A gateway that answers anyway changes nothing, and the flow goes no further.
      pending.resolve(path === "/get" ? jsonpOk : callbackOk());
      await flush();
      sdk.endGetToken();
      await flush();
      expect(rec.all).toHaveLength(1);
      expect(views.mountView).not.toHaveBeenCalled();
      expect(transport.calls).toHaveLength(callsAtEnd);
    });
  }

  it("while the view is shown: destroys it and delivers 503 once", async () => {
    const { sdk, views } = setup(routes({ [PATHS.preGetMobile]: cmOk() }));
    const rec = start(sdk);
    await flush();
    sdk.endGetToken();
    expect(rec.all).toEqual([{ kind: "error", payload: ENDED }]);
    expect(views.last().destroy).toHaveBeenCalledTimes(1);
    // The view's late events are ignored.
    views.last().handlers.cancel();
    views.last().handlers.submit("0000");
    await flush();
    expect(rec.all).toHaveLength(1);
  });

  it("during the token request: aborts it and never reports its answer", async () => {
    const { sdk, views, transport } = setup(
      routes({ [PATHS.preGetMobile]: cmOk(), [PATHS.authGetToken]: HOLD }),
    );
    const rec = start(sdk);
    await flush();
    views.last().handlers.submit("0000");
    const token = await transport.next(PATHS.authGetToken);
    sdk.endGetToken();
    expect(token.aborted).toBe(true);
    token.resolve(tokenOk);
    await flush();
    expect(rec.all).toEqual([{ kind: "error", payload: ENDED }]);
  });

  it("is a no-op when nothing runs", async () => {
    const { sdk, report } = setup(routes({ [PATHS.preGetMobile]: cmOk({ authLevel: "5" }) }));
    expect(() => sdk.endGetToken()).not.toThrow();
    const rec = start(sdk);
    await rec.first;
    sdk.endGetToken();
    expect(rec.all).toHaveLength(1);
    expect(rec.all[0].kind).toBe("success");
    expect(report).not.toHaveBeenCalled();
  });
});

describe("a second call while one runs", () => {
  it("gets 104018 with its own msgId; the running flow continues untouched", async () => {
    const { sdk, transport } = setup(routes({ [PATHS.preGetMobile]: HOLD }));
    const first = start(sdk);
    const pending = await transport.next(PATHS.preGetMobile);
    const second = start(sdk, { traceId: "trace-2" });
    expect(second.all).toEqual([
      { kind: "error", payload: { code: "104018", message: "正在处理，请稍后", msgId: "trace-2" } },
    ]);
    expect(pending.aborted).toBe(false);
    expect(transport.calls).toHaveLength(1);
    pending.resolve(cmOk({ authLevel: "5" }));
    expect((await first.first).kind).toBe("success");
  });

  it("is allowed again from inside the final callback of the previous one", async () => {
    const { sdk } = setup(routes({ [PATHS.preGetMobile]: cmOk({ authLevel: "5" }) }));
    const results: string[] = [];
    const second = new Promise<void>((resolve) => {
      sdk.getTokenInfo({
        data: {
          version: "2.0",
          appId: "1",
          sign: "s",
          traceId: "a",
          timestamp: "20260101120000000",
        },
        success: () => {
          results.push("first");
          sdk.getTokenInfo({
            data: {
              version: "2.0",
              appId: "1",
              sign: "s",
              traceId: "b",
              timestamp: "20260101120000000",
            },
            success: (p) => {
              results.push(`second ${p.msgId}`);
              resolve();
            },
            error: (p) => results.push(`error ${JSON.stringify(p)}`),
          });
        },
      });
    });
    await second;
    expect(results).toEqual(["first", "second b"]);
  });
});

describe("integrator callbacks that throw", () => {
  it("are reported, not rethrown, and leave the SDK ready for the next call", async () => {
    const { sdk, report, views } = setup(routes({ [PATHS.preGetMobile]: cmOk() }));
    const boom = new Error("integrator bug");
    sdk.getTokenInfo({
      data: { version: "2.0", appId: "1", sign: "s", traceId: "t", timestamp: "20260101120000000" },
      error: () => {
        throw boom;
      },
    });
    await flush();
    expect(() => views.last().handlers.cancel()).not.toThrow();
    expect(report).toHaveBeenCalledWith(expect.stringContaining("error callback threw"), boom);
    expect(views.last().destroy).toHaveBeenCalledTimes(1);
    const rec = start(sdk);
    await flush();
    expect(views.mounted).toHaveLength(2);
    expect(rec.all).toHaveLength(0);
  });

  it("a throwing success callback of a 104018 refusal does not disturb the running flow", async () => {
    const { sdk, transport, report } = setup(routes({ [PATHS.preGetMobile]: HOLD }));
    const first = start(sdk);
    const pending = await transport.next(PATHS.preGetMobile);
    expect(() =>
      sdk.getTokenInfo({
        data: { version: "2.0", appId: "1", sign: "s", traceId: "t", timestamp: "1" },
        error: () => {
          throw new Error("x");
        },
      }),
    ).not.toThrow();
    expect(report).toHaveBeenCalledTimes(1);
    pending.resolve(cmOk({ authLevel: "5" }));
    expect((await first.first).kind).toBe("success");
  });

  it("a view whose methods throw cannot break the flow", async () => {
    const { sdk, views, report } = setup(
      routes({
        [PATHS.preGetMobile]: cmOk(),
        [PATHS.authGetToken]: { resultCode: "104012", desc: "本机号码校验失败" },
      }),
    );
    const rec = start(sdk);
    await flush();
    const view = views.last();
    view.busy.mockImplementation(() => {
      throw new Error("busy");
    });
    view.wrongDigits.mockImplementation(() => {
      throw new Error("wrong");
    });
    view.destroy.mockImplementation(() => {
      throw new Error("destroy");
    });
    view.handlers.submit("1111");
    await flush();
    view.handlers.cancel();
    expect(rec.all).toEqual([
      { kind: "error", payload: { code: "501", message: "用户取消授权", msgId: "trace-1" } },
    ]);
    expect(report.mock.calls.map((c) => c[0])).toEqual(
      expect.arrayContaining([
        expect.stringContaining("view.busy"),
        expect.stringContaining("view.wrongDigits"),
        expect.stringContaining("view.destroy"),
      ]),
    );
  });

  it("options that are not an object are refused silently instead of throwing", () => {
    const { sdk } = setup(routes({}));
    expect(() => sdk.getTokenInfo(undefined as never)).not.toThrow();
    expect(() => sdk.getTokenInfo("x" as never)).not.toThrow();
  });
});

describe("competing final outcomes", () => {
  it("cancel then end: only 501", async () => {
    const { sdk, views } = setup(routes({ [PATHS.preGetMobile]: cmOk() }));
    const rec = start(sdk);
    await flush();
    views.last().handlers.cancel();
    sdk.endGetToken();
    views.last().handlers.cancel();
    expect(rec.all).toEqual([
      { kind: "error", payload: { code: "501", message: "用户取消授权", msgId: "trace-1" } },
    ]);
  });

  it("cancel while the token request runs: 501, and the token answer is dropped", async () => {
    const { sdk, views, transport } = setup(
      routes({ [PATHS.preGetMobile]: cmOk(), [PATHS.authGetToken]: HOLD }),
    );
    const rec = start(sdk);
    await flush();
    views.last().handlers.submit("0000");
    const token = await transport.next(PATHS.authGetToken);
    views.last().handlers.cancel();
    token.resolve(tokenOk);
    await flush();
    expect(rec.all.map((r) => (r.payload as { code: string }).code)).toEqual(["501"]);
  });

  it("a view mounted by a slow mountView after the end is destroyed at once", async () => {
    const { sdk, views } = setup(routes({ [PATHS.preGetMobile]: cmOk() }));
    views.mountView.mockImplementationOnce((model, handlers) => {
      handlers.cancel();
      return {
        busy() {},
        wrongDigits() {},
        toast() {},
        state: () => ({ digits: "", complete: false, agreed: false }),
        destroy: destroyed,
      };
    });
    let destroyedCount = 0;
    function destroyed() {
      destroyedCount++;
    }
    const rec = start(sdk);
    await flush();
    expect(rec.all).toHaveLength(1);
    expect(destroyedCount).toBe(1);
  });
});

describe("a transport that ignores aborts (late answers after the end)", () => {
  function deafSetup() {
    const inner = fakeTransport(
      routes({ [PATHS.preGetMobile]: cmOk(), [PATHS.authGetToken]: HOLD }),
    );
    const deaf: Transport = (u, o) => inner(u, { ...o, signal: undefined });
    const views = fakeViews();
    const sdk = createAuthLogin({ transport: deaf, mountView: views.mountView, report: () => {} });
    return { sdk, inner, views };
  }

  it("a late 104012 for an ended layer call reaches nobody", async () => {
    document.body.innerHTML = '<div id="ydrzCustomControls"></div>';
    const { sdk, inner, views } = deafSetup();
    const rec = start(sdk, { authPageType: "2" });
    await flush();
    views.last().viewState = { digits: "0000", complete: true, agreed: true };
    const layer = recorder();
    sdk.authGetTokenByLayer(layer.callbacks);
    const pending = await inner.next(PATHS.authGetToken);
    sdk.endGetToken();
    pending.resolve({ resultCode: "104012", desc: "本机号码校验失败" });
    await flush();
    expect(layer.all.map((r) => (r.payload as { code: string }).code)).toEqual(["503"]);
    expect(rec.all).toHaveLength(1);
    expect(views.last().wrongDigits).not.toHaveBeenCalled();
    document.body.innerHTML = "";
  });

  it("a late token for a cancelled view is not delivered", async () => {
    const { sdk, inner, views } = deafSetup();
    const rec = start(sdk);
    await flush();
    views.last().handlers.submit("0000");
    const pending = await inner.next(PATHS.authGetToken);
    views.last().handlers.cancel();
    pending.resolve(tokenOk);
    await flush();
    expect(rec.all.map((r) => (r.payload as { code: string }).code)).toEqual(["501"]);
  });
});

describe("a page whose navigator throws", () => {
  it("ends the call with 103005 and stays usable (no lasting 104018)", async () => {
    const hostile = Object.defineProperty({}, "navigator", {
      get() {
        throw new Error("navigator is not available");
      },
    }) as unknown as Window;
    const views = fakeViews();
    const report = vi.fn();
    const sdk = createAuthLogin({
      transport: fakeTransport(routes({ [PATHS.preGetMobile]: cmOk() })),
      mountView: views.mountView,
      report,
      window: hostile,
    });
    const first = start(sdk);
    expect(await first.first).toEqual({
      kind: "error",
      payload: { code: "103005", message: "inner error", msgId: "trace-1" },
    });
    expect(report).toHaveBeenCalledWith("YDRZAuthLogin: internal failure", expect.any(Error));
    const second = start(sdk);
    expect((await second.first).payload).not.toMatchObject({ code: "104018" });
  });
});

describe("while the gateway answers", () => {
  it("nothing is drawn and no timer of the SDK is left to run the view early", async () => {
    vi.useFakeTimers();
    try {
      const { sdk, transport, views } = setup(routes({ [PATHS.preGetMobile]: HOLD }));
      start(sdk, { authPageType: "3" });
      await transport.next(PATHS.preGetMobile);
      vi.runAllTimers();
      expect(views.mounted).toHaveLength(0);
      expect(document.querySelector("#YDRZPage, #YDRZLayer, #YDRZLayerTwo")).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
