// The custom popup (authPageType "2"): container, mask, 506, the non-final success, layerCallback
// and authGetTokenByLayer with 505/507/508 and the token result going to its callbacks.
import { afterEach, describe, expect, it, vi } from "vitest";

vi.mock("../../../src/views/index", () => ({
  mountView: () => {
    throw new Error("real views are not used here");
  },
}));

import { PATHS } from "../../../src/protocol/hosts";
import type { Flag } from "../../../src/sdk/types";
import { cmOk, flush, HOLD, recorder, routes, setup, start, tokenOk } from "./fakes";

afterEach(() => {
  document.body.innerHTML = "";
});

const popupSetup = (token: unknown = tokenOk) =>
  setup(routes({ [PATHS.preGetMobile]: cmOk(), [PATHS.authGetToken]: token }));

async function loadedPopup(token?: unknown, layerCallback?: unknown) {
  document.body.innerHTML = '<div id="myBox"></div>';
  const env = popupSetup(token);
  env.sdk.CustomControlsInit("myBox", { layerStyle: { height: "240px" } });
  const rec = start(env.sdk, { authPageType: "2" }, layerCallback ? { layerCallback } : {});
  await flush();
  return { ...env, rec, view: env.views.last() };
}

describe("custom popup without mask", () => {
  it("mounts into the element with the given id and reports 弹窗加载成功 as a non-final success", async () => {
    const { rec, view } = await loadedPopup();
    expect(view.model.kind).toBe("custom-popup");
    expect(view.model.container).toBe(document.getElementById("myBox"));
    expect(view.model.popupOptions).toEqual({ layerStyle: { height: "240px" } });
    expect(rec.all).toEqual([
      { kind: "success", payload: { code: "103000", msgId: "trace-1", message: "弹窗加载成功" } },
    ]);
    expect(view.destroy).not.toHaveBeenCalled();
  });

  it("falls back to #ydrzCustomControls, as the original always used it", async () => {
    document.body.innerHTML = '<div id="ydrzCustomControls"></div>';
    const { sdk, views } = popupSetup();
    sdk.CustomControlsInit("doesNotExist", {});
    start(sdk, { authPageType: "2" });
    await flush();
    expect(views.last().model.container).toBe(document.getElementById("ydrzCustomControls"));
  });

  it("answers 506 弹窗加载失败 when there is no container and no mask", async () => {
    const { sdk, views } = popupSetup();
    sdk.CustomControlsInit("nothing", {});
    const rec = start(sdk, { authPageType: "2" });
    expect(await rec.first).toEqual({
      kind: "error",
      payload: { code: "506", message: "弹窗加载失败", msgId: "trace-1" },
    });
    expect(views.mountView).not.toHaveBeenCalled();
  });

  it("calls layerCallback each time the view says digits and agreement are complete", async () => {
    const layerCallback = vi.fn();
    const { view, rec } = await loadedPopup(tokenOk, layerCallback);
    view.handlers.ready?.();
    view.handlers.ready?.();
    expect(layerCallback).toHaveBeenCalledTimes(2);
    expect(layerCallback).toHaveBeenCalledWith({
      code: "103000",
      msgId: "trace-1",
      message: "用户已输入中间四位号码并勾选协议",
    });
    expect(rec.all).toHaveLength(1);
  });

  it("authGetTokenByLayer: 507 without all digits, 508 without the agreement, then the token to its own callbacks", async () => {
    const { sdk, view, rec } = await loadedPopup();
    const a = recorder();
    view.viewState = { digits: "12", complete: false, agreed: true };
    sdk.authGetTokenByLayer(a.callbacks.success, a.callbacks.error);
    expect(a.all).toEqual([
      { kind: "error", payload: { code: "507", message: "用户未补齐4位号码", msgId: "trace-1" } },
    ]);

    const b = recorder();
    view.viewState = { digits: "0000", complete: true, agreed: false };
    sdk.authGetTokenByLayer(b.callbacks);
    expect(b.all).toEqual([
      { kind: "error", payload: { code: "508", message: "用户未勾选协议", msgId: "trace-1" } },
    ]);

    const c = recorder();
    view.viewState = { digits: "0000", complete: true, agreed: true };
    sdk.authGetTokenByLayer(c.callbacks);
    const { kind, payload } = await c.first;
    expect(kind).toBe("success");
    expect(payload).toMatchObject({ code: "103000", token: "TOKEN-1", msgId: "trace-1" });
    expect(rec.all).toHaveLength(1); // only the non-final 弹窗加载成功
    expect(view.destroy).toHaveBeenCalledTimes(1);
  });

  it("authGetTokenByLayer: 104012 goes to that call's error, the popup stays for another try", async () => {
    let n = 0;
    const { sdk, view, rec } = await loadedPopup(() =>
      ++n === 1 ? { resultCode: "104012", desc: "本机号码校验失败" } : tokenOk,
    );
    view.viewState = { digits: "9999", complete: true, agreed: true };
    const first = recorder();
    sdk.authGetTokenByLayer(first.callbacks.success, first.callbacks.error);
    expect((await first.first).payload).toEqual({
      code: "104012",
      message: "本机号码校验失败",
      msgId: "trace-1",
    });
    expect(view.wrongDigits).toHaveBeenCalledTimes(1);
    expect(view.destroy).not.toHaveBeenCalled();
    // Later outcomes of the flow no longer go to that finished call.
    const second = recorder();
    sdk.authGetTokenByLayer(second.callbacks.success, second.callbacks.error);
    expect((await second.first).kind).toBe("success");
    expect(first.all).toHaveLength(1);
    expect(rec.all).toHaveLength(1);
  });

  it("authGetTokenByLayer: a second call while the token request runs gets 104018", async () => {
    const { sdk, view } = await loadedPopup(HOLD);
    view.viewState = { digits: "0000", complete: true, agreed: true };
    sdk.authGetTokenByLayer(
      () => {},
      () => {},
    );
    const second = recorder();
    sdk.authGetTokenByLayer(second.callbacks.success, second.callbacks.error);
    expect(second.all[0].payload).toMatchObject({ code: "104018" });
  });

  it("endGetToken during a layer token request ends that call once with 503", async () => {
    const { sdk, view, rec, transport } = await loadedPopup(HOLD);
    view.viewState = { digits: "0000", complete: true, agreed: true };
    const layer = recorder();
    sdk.authGetTokenByLayer(layer.callbacks);
    const pending = await transport.next(PATHS.authGetToken);
    sdk.endGetToken();
    expect(pending.aborted).toBe(true);
    expect(layer.all).toEqual([
      { kind: "error", payload: { code: "503", message: "获取token结束", msgId: "trace-1" } },
    ]);
    expect(rec.all).toHaveLength(1);
  });

  it("closing the popup before any layer call reports 501 to getTokenInfo's error", async () => {
    const { view, rec } = await loadedPopup();
    view.handlers.cancel();
    expect(rec.all[1]).toEqual({
      kind: "error",
      payload: { code: "501", message: "用户取消授权", msgId: "trace-1" },
    });
  });
});

describe("authGetTokenByLayer without a loaded popup", () => {
  it("answers 505 未初始化弹窗配置项 (positional and object forms)", () => {
    const { sdk } = popupSetup();
    const a = recorder();
    sdk.authGetTokenByLayer(a.callbacks.success, a.callbacks.error);
    const b = recorder();
    sdk.authGetTokenByLayer({ success: b.callbacks.success, error: b.callbacks.error });
    const expected = {
      kind: "error",
      payload: { code: "505", message: "未初始化弹窗配置项", msgId: "" },
    };
    expect(a.all).toEqual([expected]);
    expect(b.all).toEqual([expected]);
    expect(() => sdk.authGetTokenByLayer()).not.toThrow();
  });

  it("answers 505 while a different view (the standard page) is shown", async () => {
    const { sdk } = popupSetup();
    start(sdk);
    await flush();
    const a = recorder();
    sdk.authGetTokenByLayer(a.callbacks.success, a.callbacks.error);
    expect(a.all[0].payload).toMatchObject({ code: "505", msgId: "trace-1" });
  });
});

describe("custom popup with mask", () => {
  it("reads maskStyle.ifShowMask as the views read every boolean option", async () => {
    for (const [value, kind] of [
      [true, "custom-popup-mask"],
      [" TRUE ", "custom-popup-mask"],
      ["ture", "custom-popup-mask"],
      ["false", "custom-popup"],
      ["yes", "custom-popup"],
      [undefined, "custom-popup"],
    ] as const) {
      document.body.innerHTML = '<div id="ydrzCustomControls"></div>';
      const { sdk, views } = popupSetup();
      // "yes" and " TRUE " are outside the type, as a page may pass them: the runtime decides.
      const ifShowMask = value as Flag;
      sdk.CustomControlsInit("ydrzCustomControls", { maskStyle: { ifShowMask } });
      start(sdk, { authPageType: "2" });
      await flush();
      expect(views.last().model.kind, String(value)).toBe(kind);
      sdk.endGetToken();
    }
  });

  it("needs no container and gives no intermediate success", async () => {
    const { sdk, views } = popupSetup();
    sdk.CustomControlsInit("nothing", { maskStyle: { ifShowMask: "ture" } });
    const rec = start(sdk, { authPageType: "2" });
    await flush();
    expect(views.last().model.kind).toBe("custom-popup-mask");
    expect(views.last().model.container).toBeUndefined();
    expect(rec.all).toHaveLength(0);
    views.last().handlers.submit("0000");
    expect((await rec.first).kind).toBe("success");
  });
});
