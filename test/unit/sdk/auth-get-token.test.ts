// authGetToken: the token request for integrators with their own UI (authLevel "5").
import { describe, expect, it, vi } from "vitest";

vi.mock("../../../src/views/index", () => ({
  mountView: () => {
    throw new Error("real views are not used here");
  },
}));

import { createHash } from "node:crypto";
import { PATHS } from "../../../src/protocol/hosts";
import { cmOk, DATA, HOLD, recorder, routes, setup, tokenOk } from "./fakes";

const TOKEN_DATA = {
  version: "2.0",
  appId: "300011",
  traceId: "trace-9",
  accessToken: "AT-CM",
  maskVal: "0000",
  expandParams: "a=1",
};

describe("authGetToken", () => {
  it("completes the number from the last authLevel-5 answer and reuses that flow's userInformation", async () => {
    const { sdk, transport } = setup(
      routes({ [PATHS.preGetMobile]: cmOk({ authLevel: "5" }), [PATHS.authGetToken]: tokenOk }),
    );
    const first = await sdk.getToken(DATA);
    const rec = recorder();
    sdk.authGetToken({ data: TOKEN_DATA, ...rec.callbacks });
    const { kind, payload } = await rec.first;
    expect(kind).toBe("success");
    const preBody = JSON.parse(transport.calls[0].body as string);
    expect(payload).toMatchObject({
      code: "103000",
      token: "TOKEN-1",
      msgId: "trace-9",
      userInformation: preBody.userInformation,
    });
    expect(transport.calls[1].body).toEqual({
      accessToken: "AT-CM",
      phone: createHash("md5").update("13800001234").digest("hex"),
      userInformation: preBody.userInformation,
      expandParams: "a=1",
    });
    expect(transport.calls[1].options.headers).toMatchObject({
      traceId: "trace-9",
      appId: "300011",
      interfaceVersion: "2.0",
      businessType: "8",
    });
    expect(first).toMatchObject({ maskPhone: "138****1234" });
  });

  it("uses the given maskPhone and the test host for isTest '0'", async () => {
    const { sdk, transport } = setup(routes({ [PATHS.authGetToken]: tokenOk }));
    const rec = recorder();
    sdk.authGetToken({
      data: { ...TOKEN_DATA, maskPhone: "150****0000", maskVal: "1234", isTest: "0" },
      ...rec.callbacks,
    });
    await rec.first;
    expect(transport.calls[0].url).toBe(
      "https://testcert.cmpassport.com:7002/h5/onekeylogin/authGetToken",
    );
    expect((transport.calls[0].body as { phone: string }).phone).toBe(
      createHash("md5").update("15012340000").digest("hex"),
    );
  });

  it("reports 104012 to error (there is no view to keep open)", async () => {
    const { sdk } = setup(
      routes({ [PATHS.authGetToken]: { resultCode: "104012", desc: "本机号码校验失败" } }),
    );
    const rec = recorder();
    sdk.authGetToken({ data: { ...TOKEN_DATA, maskPhone: MASKED }, ...rec.callbacks });
    expect(await rec.first).toEqual({
      kind: "error",
      payload: { code: "104012", message: "本机号码校验失败", msgId: "trace-9" },
    });
  });

  it.each(["version", "appId", "traceId", "accessToken"])(
    "answers 503 with field %s when it is missing",
    (field) => {
      const { sdk, transport } = setup(routes({}));
      const rec = recorder();
      sdk.authGetToken({
        data: { ...TOKEN_DATA, maskPhone: MASKED, [field]: "" },
        ...rec.callbacks,
      });
      expect(rec.all[0].payload).toMatchObject({ code: "503", message: "参数缺失", field });
      expect(transport.calls).toHaveLength(0);
    },
  );

  it("answers 503 maskPhone when no masked number is known, 507 when maskVal does not fill it", () => {
    const { sdk } = setup(routes({}));
    const a = recorder();
    sdk.authGetToken({ data: TOKEN_DATA, ...a.callbacks });
    expect(a.all[0].payload).toMatchObject({ code: "503", field: "maskPhone" });
    const b = recorder();
    sdk.authGetToken({
      data: { ...TOKEN_DATA, maskPhone: MASKED, maskVal: "12a4" },
      ...b.callbacks,
    });
    expect(b.all[0].payload).toMatchObject({ code: "507", message: "用户未补齐4位号码" });
  });

  it("is ended by endGetToken and blocks a concurrent call with 104018", async () => {
    const { sdk, transport } = setup(routes({ [PATHS.authGetToken]: HOLD }));
    const rec = recorder();
    sdk.authGetToken({ data: { ...TOKEN_DATA, maskPhone: MASKED }, ...rec.callbacks });
    const pending = await transport.next(PATHS.authGetToken);
    const other = recorder();
    sdk.authGetToken({
      data: { ...TOKEN_DATA, maskPhone: MASKED, traceId: "x" },
      ...other.callbacks,
    });
    expect(other.all[0].payload).toMatchObject({ code: "104018", msgId: "x" });
    sdk.endGetToken();
    expect(pending.aborted).toBe(true);
    expect(rec.all).toEqual([
      { kind: "error", payload: { code: "503", message: "获取token结束", msgId: "trace-9" } },
    ]);
  });
});

const MASKED = "138****1234";
