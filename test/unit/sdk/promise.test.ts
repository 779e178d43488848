// getToken: the promise form, YDRZError, and AbortSignal doing what endGetToken does.
import { describe, expect, it, vi } from "vitest";

vi.mock("../../../src/views/index", () => ({
  mountView: () => {
    throw new Error("real views are not used here");
  },
}));

import { PATHS } from "../../../src/protocol/hosts";
import { YDRZError } from "../../../src/sdk/errors";
import { cmFail, cmOk, DATA, flush, HOLD, routes, setup, tokenOk } from "./fakes";

describe("getToken", () => {
  it("resolves with the success payload", async () => {
    const { sdk } = setup(routes({ [PATHS.preGetMobile]: cmOk({ authLevel: "5" }) }));
    await expect(sdk.getToken(DATA)).resolves.toMatchObject({
      code: "103000",
      accessToken: "AT-CM",
      oper: "CM",
    });
  });

  it("rejects with a YDRZError carrying the payload fields", async () => {
    const { sdk } = setup(
      routes({
        [PATHS.preGetMobile]: cmFail(),
        [PATHS.ctPhonescrip]: { resultCode: "301", desc: "参数错误" },
        [PATHS.cuPhonescrip]: { resultCode: "301", desc: "参数错误" },
      }),
    );
    const err = await sdk.getToken(DATA).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(YDRZError);
    expect(err).toBeInstanceOf(Error);
    const e = err as YDRZError;
    expect(e.name).toBe("YDRZError");
    expect(e.msgId).toBe("trace-1");
    expect(e.code).toBeUndefined();
    expect(e.YDData).toEqual({ code: "103111", message: "WAP网关IP错误" });
    expect(e.CTData).toEqual({ code: "301", message: "参数错误" });
    expect(e.message).toContain("103111");
    expect(e.payload).toMatchObject({ YDData: e.YDData, CUData: e.CUData });
  });

  it("rejects a missing field with code 503 and field", async () => {
    const { sdk } = setup(routes({}));
    const e = (await sdk.getToken({ ...DATA, sign: "" }).catch((x: unknown) => x)) as YDRZError;
    expect([e.code, e.message, e.field]).toEqual(["503", "参数缺失", "sign"]);
  });

  it("aborting the signal ends the call like endGetToken: request aborted, 503", async () => {
    const { sdk, transport } = setup(routes({ [PATHS.preGetMobile]: HOLD }));
    const controller = new AbortController();
    const p = sdk.getToken(DATA, { signal: controller.signal });
    const pending = await transport.next(PATHS.preGetMobile);
    controller.abort();
    await expect(p).rejects.toMatchObject({ code: "503", message: "获取token结束" });
    expect(pending.aborted).toBe(true);
    // The SDK is free again.
    await expect(sdk.getToken({ ...DATA, sign: "" })).rejects.toMatchObject({
      code: "503",
      field: "sign",
    });
  });

  it("an already aborted signal rejects at once without any request", async () => {
    const { sdk, transport } = setup(routes({}));
    const controller = new AbortController();
    controller.abort();
    await expect(sdk.getToken(DATA, { signal: controller.signal })).rejects.toMatchObject({
      code: "503",
      message: "获取token结束",
    });
    expect(transport.calls).toHaveLength(0);
  });

  it("aborting the signal of a call refused with 104018 leaves the running flow alone", async () => {
    const { sdk, transport } = setup(routes({ [PATHS.preGetMobile]: HOLD }));
    const running = sdk.getToken(DATA);
    const pending = await transport.next(PATHS.preGetMobile);
    const controller = new AbortController();
    await expect(
      sdk.getToken({ ...DATA, traceId: "t2" }, { signal: controller.signal }),
    ).rejects.toMatchObject({ code: "104018", msgId: "t2" });
    controller.abort();
    expect(pending.aborted).toBe(false);
    pending.resolve(cmOk({ authLevel: "5" }));
    await expect(running).resolves.toMatchObject({ code: "103000" });
  });

  it("passes layerCallback and resolves with 弹窗加载成功 for the custom popup without mask", async () => {
    document.body.innerHTML = '<div id="ydrzCustomControls"></div>';
    const { sdk, views } = setup(
      routes({ [PATHS.preGetMobile]: cmOk(), [PATHS.authGetToken]: tokenOk }),
    );
    const layerCallback = vi.fn();
    await expect(
      sdk.getToken({ ...DATA, authPageType: "2" }, { layerCallback }),
    ).resolves.toMatchObject({ message: "弹窗加载成功" });
    views.last().handlers.ready?.();
    expect(layerCallback).toHaveBeenCalledTimes(1);
    document.body.innerHTML = "";
  });

  it("a signal that aborts after the call settled changes nothing", async () => {
    const { sdk, transport } = setup(routes({ [PATHS.preGetMobile]: cmOk({ authLevel: "5" }) }));
    const controller = new AbortController();
    await sdk.getToken(DATA, { signal: controller.signal });
    const next = sdk.getToken({ ...DATA, traceId: "t2" });
    controller.abort();
    await flush();
    await expect(next).resolves.toMatchObject({ msgId: "t2" });
    expect(transport.calls.every((c) => !c.aborted)).toBe(true);
  });
});
