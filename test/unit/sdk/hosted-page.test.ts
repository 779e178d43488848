// Hosted-page mode (config({hostedPage: true}), npm module only): the iframe's address, its load
// message, which messages count, and the guarantees of the in-page views (one callback, the
// iframe and the listener gone on every end, hostile payloads never throw).
import { afterEach, describe, expect, it, vi } from "vitest";

vi.mock("../../../src/views/index", () => ({
  mountView: () => {
    throw new Error("real views are not used here");
  },
}));

import { PATHS } from "../../../src/protocol/hosts";
import { createScriptLogin } from "../../../src/sdk/api";
import { userInformation } from "../../../src/sdk/fingerprint";
import { cmOk, DATA, fakeViews, fakeTransport, flush, routes, setup, start } from "./fakes";

const PAGE = "https://gw.example:7002/h5/onekeylogin/authPage";
const PAGE_ORIGIN = "https://gw.example:7002";

const frame = () => document.querySelector<HTMLIFrameElement>("iframe#auth");

afterEach(() => {
  document.body.innerHTML = "";
});

/** A hosted-mode SDK whose CM pre-fetch answers with the hosted page. */
function hosted(fields: Record<string, unknown> = {}) {
  const t = setup(routes({ [PATHS.preGetMobile]: cmOk({ authPageUrl: PAGE, ...fields }) }));
  t.sdk.config({ hostedPage: true });
  return t;
}

/** Posts `data` to the SDK's window as if `source` at `origin` had sent it. */
function post(data: unknown, origin = PAGE_ORIGIN, source: Window | null = frame()!.contentWindow) {
  window.dispatchEvent(new MessageEvent("message", { data, origin, source }));
}

describe("opening the hosted page", () => {
  it("opens authPageUrl full screen with the official query, in order, instead of a view", async () => {
    const { sdk, views } = hosted({ appName: "示例 应用" });
    const rec = start(sdk, { expandParams: "a=1|b=2", authPageType: "0" });
    await flush();
    expect(views.mounted).toHaveLength(0);
    const f = frame()!;
    expect(f.parentElement).toBe(document.body);
    const query =
      `traceId=trace-1&accessToken=AT-CM&maskPhone=138****1234&authLevel=4&authName=示例 应用` +
      `&userInformation=${userInformation(window)}&appId=300011&expandParams=a=1|b=2&isTest=1` +
      `&oper=CM&from=${window.location.origin}&authPageType=0&v=20211103`;
    // The browser percent-encodes what a URL cannot hold (the space, the Chinese name).
    expect(f.src).toBe(new URL(PAGE + "?" + query).href);
    expect(f.style.position).toBe("fixed");
    expect(f.style.width).toBe("100%");
    expect(f.style.height).toBe("100%");
    expect(f.style.zIndex).toBe("2147483647");
    expect(rec.all).toEqual([]);
    sdk.endGetToken();
  });

  it("keeps & and # in values from adding or cutting off fields", async () => {
    const { sdk } = hosted({ appName: "A&B#C" });
    start(sdk);
    await flush();
    const url = new URL(frame()!.src);
    expect(url.hash).toBe("");
    expect(url.searchParams.get("authName")).toBe("A&B#C");
    expect(url.searchParams.get("appId")).toBe("300011");
    sdk.endGetToken();
  });

  it.each([["1"], ["2"]])("draws our popup for authPageType %s (no hosted form)", async (type) => {
    const { sdk, views } = hosted();
    // The custom popup's container.
    document.body.innerHTML = '<div id="ydrzCustomControls"></div>';
    start(sdk, { authPageType: type });
    await flush();
    expect(frame()).toBeNull();
    expect(views.mounted).toHaveLength(1);
    sdk.endGetToken();
  });

  it("custom page (3) is hosted too; without config the page stays in-page", async () => {
    const on = hosted();
    start(on.sdk, { authPageType: "3" });
    await flush();
    expect(new URL(frame()!.src).searchParams.get("authPageType")).toBe("3");
    on.sdk.endGetToken();
    const off = setup(routes({ [PATHS.preGetMobile]: cmOk({ authPageUrl: PAGE }) }));
    start(off.sdk, { authPageType: "3" });
    await flush();
    expect(frame()).toBeNull();
    expect(off.views.mounted).toHaveLength(1);
    off.sdk.endGetToken();
  });

  it("the <script> build ignores hostedPage and draws in-page", async () => {
    const views = fakeViews();
    const transport = fakeTransport(routes({ [PATHS.preGetMobile]: cmOk({ authPageUrl: PAGE }) }));
    const sdk = createScriptLogin({ transport, mountView: views.mountView, report: vi.fn() });
    expect(sdk.config({ hostedPage: true }).hostedPage).toBe(true);
    sdk.getTokenInfo({ data: DATA });
    await flush();
    expect(frame()).toBeNull();
    expect(views.mounted).toHaveLength(1);
    sdk.endGetToken();
  });

  it("authLevel 5 still answers the accessToken without any page", async () => {
    const { sdk } = hosted({ authLevel: "5" });
    const rec = start(sdk);
    const { kind, payload } = await rec.first;
    expect(kind).toBe("success");
    expect(payload.accessToken).toBe("AT-CM");
    expect(frame()).toBeNull();
  });

  it.each([[undefined], [""], ["javascript:alert(1)"], ["/relative/authPage"], [42]])(
    "refuses authPageUrl %s with 503 参数缺失 and opens nothing",
    async (authPageUrl) => {
      const { sdk } = hosted({ authPageUrl });
      const rec = start(sdk);
      const { kind, payload } = await rec.first;
      expect(kind).toBe("error");
      expect(payload).toEqual({
        code: "503",
        message: "参数缺失",
        msgId: "trace-1",
        field: "authPageUrl",
      });
      expect(frame()).toBeNull();
    },
  );
});

describe("the load message", () => {
  const loaded = () => {
    const f = frame()!;
    const spy = vi.spyOn(f.contentWindow!, "postMessage");
    f.dispatchEvent(new Event("load"));
    return spy;
  };

  it("type 0 posts the customerPrivacyConfig text to the page's origin", async () => {
    const config = JSON.stringify({ 隐私政策: "https://example.com/p" });
    const { sdk } = hosted({ customerPrivacyConfig: config });
    start(sdk, { authPageType: "0" });
    await flush();
    expect(loaded().mock.calls).toEqual([[config, PAGE_ORIGIN]]);
    sdk.endGetToken();
  });

  it.each([[{ a: "https://x" }], ["not json"], ["null"], ["42"], [undefined]])(
    "type 0 posts nothing for customerPrivacyConfig %s",
    async (customerPrivacyConfig) => {
      const { sdk } = hosted({ customerPrivacyConfig });
      start(sdk, { authPageType: "0" });
      await flush();
      expect(loaded()).not.toHaveBeenCalled();
      sdk.endGetToken();
    },
  );

  it("type 3 posts the authPageInit options as plain data ({} without any)", async () => {
    const { sdk } = hosted();
    start(sdk, { authPageType: "3" });
    await flush();
    expect(loaded().mock.calls).toEqual([[{}, PAGE_ORIGIN]]);
    sdk.endGetToken();
    await flush();
    sdk.authPageInit({ bgColor: "#fff", customControlStyle: { name: "短信", onClick() {} } });
    start(sdk, { authPageType: "3" });
    await flush();
    expect(loaded().mock.calls).toEqual([
      [{ bgColor: "#fff", customControlStyle: { name: "短信" } }, PAGE_ORIGIN],
    ]);
    sdk.endGetToken();
  });

  it("options JSON cannot copy are reported, not thrown", async () => {
    const { sdk, report } = hosted();
    // JSON has no BigInt: the copy fails, the page gets no message.
    sdk.authPageInit({ bgColor: BigInt(10) } as never);
    start(sdk, { authPageType: "3" });
    await flush();
    expect(loaded()).not.toHaveBeenCalled();
    expect(report).toHaveBeenCalledWith("YDRZAuthLogin: hosted page message", expect.any(Error));
    sdk.endGetToken();
  });
});

describe("the page's answer", () => {
  const token = {
    code: "103000",
    message: "token获取成功",
    token: "TOKEN-H",
    userInformation: "page-ui",
    msgId: "trace-1",
  };

  it("a success from the iframe ends the call once, as an in-page view's would", async () => {
    const { sdk } = hosted();
    const rec = start(sdk);
    await flush();
    const f = frame()!;
    post(token);
    const { kind, payload } = await rec.first;
    expect(kind).toBe("success");
    expect(payload).toEqual({
      code: "103000",
      message: "token获取成功",
      token: "TOKEN-H",
      userInformation: "page-ui",
      msgId: "trace-1",
      timing: expect.any(Object),
    });
    expect(f.isConnected).toBe(false);
    // A second message (the page posting twice) reaches nobody.
    window.dispatchEvent(
      new MessageEvent("message", { data: token, origin: PAGE_ORIGIN, source: f.contentWindow }),
    );
    await flush();
    expect(rec.all).toHaveLength(1);
  });

  it("a cancel (501) is the error callback; the iframe goes", async () => {
    const { sdk } = hosted();
    const rec = start(sdk);
    await flush();
    post({ code: "501", message: "用户取消授权", msgId: "trace-1" });
    const { kind, payload } = await rec.first;
    expect(kind).toBe("error");
    expect(payload).toEqual({ code: "501", message: "用户取消授权", msgId: "trace-1" });
    expect(frame()).toBeNull();
  });

  it("ignores messages from another origin or another window", async () => {
    const { sdk } = hosted();
    const rec = start(sdk);
    await flush();
    post(token, "https://evil.example");
    post(token, PAGE_ORIGIN, window);
    post(token, PAGE_ORIGIN, null);
    await flush();
    expect(rec.all).toEqual([]);
    expect(frame()).not.toBeNull();
    sdk.endGetToken();
  });

  it("never throws on hostile payloads; only a message with a code ends the call", async () => {
    const { sdk } = hosted();
    const rec = start(sdk);
    await flush();
    const onError = vi.fn();
    window.addEventListener("error", onError);
    try {
      for (const data of [null, undefined, "103000", 42, [], { msgId: "trace-1" }, { code: {} }])
        post(data);
      post({ ...token, UC_MSG_Method: "ping" });
      await flush();
      expect(rec.all).toEqual([]);
      expect(onError).not.toHaveBeenCalled();
      // A success without a token is our 103005.
      post({ code: "103000", token: 7 });
      const { kind, payload } = await rec.first;
      expect(kind).toBe("error");
      expect(payload).toEqual({ code: "103005", message: "inner error", msgId: "trace-1" });
    } finally {
      window.removeEventListener("error", onError);
    }
  });

  it("endGetToken removes the iframe and the listener, once", async () => {
    const { sdk } = hosted();
    const rec = start(sdk);
    await flush();
    const f = frame()!;
    const removed = vi.spyOn(window, "removeEventListener");
    sdk.endGetToken();
    expect(f.isConnected).toBe(false);
    expect(removed).toHaveBeenCalledWith("message", expect.any(Function));
    removed.mockRestore();
    window.dispatchEvent(
      new MessageEvent("message", { data: token, origin: PAGE_ORIGIN, source: f.contentWindow }),
    );
    await flush();
    expect(rec.all).toEqual([
      { kind: "error", payload: { code: "503", message: "获取token结束", msgId: "trace-1" } },
    ]);
  });

  it("a call ended before the number arrives opens nothing", async () => {
    const t = setup(
      routes({
        [PATHS.preGetMobile]: () =>
          new Promise(() => {
            // never answers
          }),
      }),
    );
    t.sdk.config({ hostedPage: true });
    const rec = start(t.sdk);
    await flush();
    t.sdk.endGetToken();
    await flush();
    expect(frame()).toBeNull();
    expect(rec.all).toHaveLength(1);
  });
});
