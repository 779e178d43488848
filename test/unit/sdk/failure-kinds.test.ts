// The npm module's failures carry the error taxonomy's fields (kind, stage, retryable, sms,
// carrier) on top of the original's payload; the <script> build's factory delivers the original's
// payload unchanged.
import { describe, expect, it, vi } from "vitest";

// The SDK is tested against a fake view (fakes.ts); the real views are another module's tests.
vi.mock("../../../src/views/index", () => ({
  mountView: () => {
    throw new Error("real views are not used here");
  },
  warmView: () => {},
}));
import { PATHS } from "../../../src/protocol/hosts";
import { createScriptLogin } from "../../../src/sdk/api";
import { createAuthLogin, YDRZError } from "../../../src/index";
import {
  cmFail,
  cmOk,
  DATA,
  fakeTransport,
  fakeViews,
  flush,
  routes,
  setup,
  start,
  type Handler,
} from "./fakes";

/** The module's object (src/index.ts) over a fake gateway and view. */
const moduleSetup = (handler: Handler) => setup(handler, { create: createAuthLogin });

// Every carrier answers: China Mobile's IP check, Telecom's and Unicom's own refusals.
const allFail = routes({
  [PATHS.ctPhonescrip]: { resultCode: "-10004", desc: "无效的 IP" },
  [PATHS.cuPhonescrip]: { resultCode: "301", desc: "参数错误" },
  [PATHS.preGetMobile]: cmFail(),
});
const withView = (token: unknown) =>
  routes({ [PATHS.preGetMobile]: cmOk(), [PATHS.authGetToken]: token });

describe("failures of the npm module carry their kind", () => {
  it("a fetch failure: China Mobile's result decides, the carriers' results stay as they were", async () => {
    const { sdk } = moduleSetup(allFail);
    const { kind, payload } = await start(sdk).first;
    expect(kind).toBe("error");
    expect(payload).toMatchObject({
      msgId: "trace-1",
      YDData: { code: "103111", message: "WAP网关IP错误" },
      CTData: { code: "-10004", message: "无效的 IP" },
      CUData: { code: "301", message: "参数错误" },
      kind: "ip-rejected",
      stage: "number",
      retryable: false,
      sms: true,
      carrier: "CM",
    });
    expect(payload.YDData).toEqual({ code: "103111", message: "WAP网关IP错误" });
  });

  it("a fetch failure without any answer is a retryable network failure", async () => {
    const { sdk } = moduleSetup(routes({}));
    const { payload } = await start(sdk).first;
    expect(payload.YDData.code).toBe("500");
    expect(payload).toMatchObject({ kind: "network", retryable: true, sms: true, carrier: "CM" });
  });

  it("501: the user closed the view", async () => {
    const { sdk, views } = moduleSetup(withView({ resultCode: "104009", desc: "x" }));
    const rec = start(sdk);
    await flush();
    views.last().handlers.cancel();
    expect(await rec.first).toEqual({
      kind: "error",
      payload: {
        code: "501",
        message: "用户取消授权",
        msgId: "trace-1",
        kind: "cancelled",
        stage: "view",
        retryable: false,
        sms: true,
      },
    });
  });

  it("a token-request failure: 104009 locked, at the token stage", async () => {
    const { sdk, views } = moduleSetup(
      withView({ resultCode: "104009", desc: "超过失败次数限制获取 Token" }),
    );
    const rec = start(sdk);
    await flush();
    views.last().handlers.submit("0000");
    expect(await rec.first).toEqual({
      kind: "error",
      payload: {
        code: "104009",
        message: "超过失败次数限制获取 Token",
        msgId: "trace-1",
        kind: "locked",
        stage: "token",
        retryable: false,
        sms: true,
      },
    });
  });

  it("refusals before a call starts: busy (104018) and authGetTokenByLayer without a popup (505)", async () => {
    const { sdk } = moduleSetup(withView({ resultCode: "104009", desc: "x" }));
    start(sdk);
    const second = start(sdk);
    expect((await second.first).payload).toMatchObject({
      code: "104018",
      kind: "busy",
      retryable: true,
    });
    const errors: unknown[] = [];
    sdk.authGetTokenByLayer(undefined, (e) => errors.push(e));
    expect(errors).toEqual([
      expect.objectContaining({ code: "505", kind: "layer-not-ready", stage: "view" }),
    ]);
  });

  it("endGetToken: 503 as ended, not as a missing parameter", async () => {
    const { sdk } = moduleSetup(withView({ resultCode: "104009", desc: "x" }));
    const rec = start(sdk);
    sdk.endGetToken();
    expect((await rec.first).payload).toMatchObject({ code: "503", kind: "ended" });
  });

  it("reads the error callback when the outcome comes, as the original does", async () => {
    const { sdk, views } = moduleSetup(withView({ resultCode: "104009", desc: "x" }));
    const first = vi.fn();
    const later = vi.fn();
    const options = { data: { ...DATA }, error: first };
    sdk.getTokenInfo(options);
    await flush();
    options.error = later;
    views.last().handlers.cancel();
    expect(first).not.toHaveBeenCalled();
    expect(later).toHaveBeenCalledWith(expect.objectContaining({ code: "501", kind: "cancelled" }));
  });

  it("getToken rejects with a YDRZError carrying the fields, also when aborted before it starts", async () => {
    const { sdk } = moduleSetup(allFail);
    const failure = await sdk.getToken({ ...DATA }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(YDRZError);
    expect(failure).toMatchObject({ kind: "ip-rejected", stage: "number", carrier: "CM" });
    const aborted = await sdk
      .getToken({ ...DATA }, { signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect(aborted).toMatchObject({ code: "503", kind: "ended", retryable: false, sms: false });
  });
});

describe("the <script> build's factory", () => {
  it("delivers the original's payload, without the taxonomy's fields", async () => {
    const views = fakeViews();
    const sdk = createScriptLogin({
      transport: fakeTransport(withView({ resultCode: "104009", desc: "x" })),
      mountView: views.mountView,
      report: vi.fn(),
    });
    const errors: unknown[] = [];
    sdk.getTokenInfo({ data: { ...DATA }, error: (e) => errors.push(e) });
    await flush();
    views.last().handlers.cancel();
    expect(errors).toEqual([{ code: "501", message: "用户取消授权", msgId: "trace-1" }]);
  });
});
