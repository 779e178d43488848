// Every row of api.md's outcome table for getTokenInfo, driven through a fake gateway and view.
import { describe, expect, it, vi } from "vitest";

// The SDK is tested against a fake view (fakes.ts); the real views are another module's tests.
vi.mock("../../../src/views/index", () => ({
  mountView: () => {
    throw new Error("real views are not used here");
  },
}));
import { createHash } from "node:crypto";
import { PATHS, PRODUCTION_HOSTS } from "../../../src/protocol/hosts";
import {
  callbackOk,
  cmFail,
  cmOk,
  DATA,
  flush,
  FULL,
  HOLD,
  jsonpOk,
  phonescripOk,
  routes,
  setup,
  start,
  tokenOk,
  transportError,
} from "./fakes";

const allFail = routes({
  [PATHS.preGetMobile]: cmFail(),
  [PATHS.ctPhonescrip]: { resultCode: "105113", desc: "APPID 非法或为空" },
  [PATHS.cuPhonescrip]: { resultCode: "301", desc: "参数错误" },
});

describe("required parameters", () => {
  for (const field of ["version", "appId", "sign", "traceId", "timestamp"]) {
    it(`answers 503 参数缺失 naming ${field} when it is missing or blank, without any request`, async () => {
      for (const value of [undefined, "", "  "]) {
        const { sdk, transport } = setup(allFail);
        const rec = start(sdk, { [field]: value });
        const { kind, payload } = await rec.first;
        expect(kind).toBe("error");
        expect(payload).toEqual({
          code: "503",
          message: "参数缺失",
          msgId: field === "traceId" ? (value ?? "") : "trace-1",
          field,
        });
        expect(transport.calls).toHaveLength(0);
      }
    });
  }

  it("accepts numbers for ids and ignores unknown fields", async () => {
    const { sdk, transport } = setup(allFail);
    const rec = start(sdk, { appId: 300011, devInfo: { a: 1 }, setReturn: "x" });
    await rec.first;
    expect(JSON.parse(transport.calls[0].body as string).appId).toBe("300011");
  });

  it("answers 503 field data when data is not an object", () => {
    const { sdk } = setup(allFail);
    const errors: unknown[] = [];
    sdk.getTokenInfo({ data: null as never, error: (e) => errors.push(e) });
    expect(errors).toEqual([{ code: "503", message: "参数缺失", msgId: "", field: "data" }]);
  });
});

describe("number fetch", () => {
  it("posts the CM pre-fetch as text JSON with exactly the documented fields and no headers", async () => {
    const { sdk, transport } = setup(allFail);
    await start(sdk).first;
    const cm = transport.calls[0];
    expect(cm.method).toBe("postText");
    expect(cm.url).toBe(PRODUCTION_HOSTS.cm + PATHS.preGetMobile);
    expect(cm.options.headers).toBeUndefined();
    const body = JSON.parse(cm.body as string);
    expect(Object.keys(body).sort()).toEqual(
      [
        "version",
        "timestamp",
        "appId",
        "businessType",
        "traceId",
        "msgId",
        "sign",
        "authPageType",
        "userInformation",
        "expandParams",
      ].sort(),
    );
    expect(body).toMatchObject({
      businessType: "8",
      msgId: "trace-1",
      traceId: "trace-1",
      sign: DATA.sign,
      timestamp: DATA.timestamp,
    });
    expect(body.openType).toBeUndefined();
  });

  it("reports all three carriers when all fail, trying CM, CT, CU in order", async () => {
    const { sdk, transport } = setup(allFail);
    const { kind, payload } = await start(sdk).first;
    expect(kind).toBe("error");
    expect(payload).toMatchObject({
      msgId: "trace-1",
      YDData: { code: "103111", message: "WAP网关IP错误" },
      CTData: { code: "105113", message: "APPID 非法或为空" },
      CUData: { code: "301", message: "参数错误" },
    });
    expect(transport.paths()).toEqual([PATHS.preGetMobile, PATHS.ctPhonescrip, PATHS.cuPhonescrip]);
    expect(Object.keys(payload.timing)).toEqual(
      expect.arrayContaining(["CM", "CT", "CU", "total"]),
    );
  });

  it("runs the three CT steps with the documented headers, JSONP callback and callback body", async () => {
    const { sdk, transport, views } = setup(
      routes({
        [PATHS.preGetMobile]: cmFail(),
        [PATHS.ctPhonescrip]: phonescripOk("CT"),
        "https://gw.ct.example": jsonpOk,
        [PATHS.ctCallback]: callbackOk(),
      }),
    );
    start(sdk);
    await flush();
    const [, step1, step2, step3] = transport.calls;
    expect(step1.method).toBe("postText");
    expect(step1.options.headers).toEqual({
      appId: "300011",
      interfaceVersion: "2.0",
      traceId: "trace-1",
    });
    expect(Object.keys(JSON.parse(step1.body as string)).sort()).toEqual([
      "businessType",
      "encrypted",
      "reqdata",
    ]);
    expect(step2).toMatchObject({
      method: "jsonp",
      callbackName: "getTelecomPhone",
      url: phonescripOk("CT").data,
    });
    expect(step3.options.headers).toEqual({
      appId: "300011",
      interfaceVersion: "2.0",
      traceId: "trace-1",
      businessType: "8",
      timestamp: DATA.timestamp,
      authPageType: "0",
    });
    expect(JSON.parse(step3.body as string)).toEqual({
      data: "opaque-carrier-data",
      ver: "1.0",
      userInformation: expect.any(String),
    });
    expect(views.last().model).toMatchObject({
      carrier: "CT",
      maskPhone: "189****5678",
      authLevel: "4",
    });
  });

  it("uses getNewUnicomPhone for Unicom after Telecom failed", async () => {
    const { sdk, transport, views } = setup(
      routes({
        [PATHS.preGetMobile]: cmFail(),
        [PATHS.ctPhonescrip]: { resultCode: "105003", desc: "电信网关取号失败" },
        [PATHS.cuPhonescrip]: phonescripOk("CU"),
        "https://gw.cu.example": jsonpOk,
        [PATHS.cuCallback]: callbackOk(),
      }),
    );
    start(sdk);
    await flush();
    expect(transport.calls.find((c) => c.method === "jsonp")?.callbackName).toBe(
      "getNewUnicomPhone",
    );
    expect(views.last().model.carrier).toBe("CU");
  });

  it("turns a 103000 callback without accessToken into 502 电信/联通取号能力关闭", async () => {
    const { sdk } = setup(
      routes({
        [PATHS.preGetMobile]: cmFail(),
        [PATHS.ctPhonescrip]: phonescripOk("CT"),
        "https://gw.ct.example": jsonpOk,
        [PATHS.ctCallback]: callbackOk({ accessToken: "" }),
        [PATHS.cuPhonescrip]: phonescripOk("CU"),
        "https://gw.cu.example": jsonpOk,
        [PATHS.cuCallback]: callbackOk({ accessToken: "" }),
      }),
    );
    const { payload } = await start(sdk).first;
    expect(payload.CTData).toEqual({ code: "502", message: "电信/联通取号能力关闭" });
    expect(payload.CUData).toEqual({ code: "502", message: "电信/联通取号能力关闭" });
  });

  it("reports a JSONP result other than 0 as that carrier's code and message", async () => {
    const { sdk } = setup(
      routes({
        [PATHS.preGetMobile]: cmFail(),
        [PATHS.ctPhonescrip]: phonescripOk("CT"),
        "https://gw.ct.example": { result: -10004, data: "无效的 IP" },
        [PATHS.cuPhonescrip]: { resultCode: "105001", desc: "联通网关取号失败" },
      }),
    );
    const { payload } = await start(sdk).first;
    expect(payload.CTData).toEqual({ code: "-10004", message: "无效的 IP" });
  });

  it("skips the carriers the CM answer's msisdnOwner rules out, saying so", async () => {
    const { sdk, transport } = setup(
      routes({
        [PATHS.preGetMobile]: cmFail("103111", "WAP网关IP错误", {
          msisdnOwner: "CU",
          ctGetMobileSwitch: "0",
          cuGetMobileSwitch: "0",
        }),
        [PATHS.cuPhonescrip]: { resultCode: "105001", desc: "联通网关取号失败" },
      }),
    );
    const { payload } = await start(sdk).first;
    expect(transport.paths()).toEqual([PATHS.preGetMobile, PATHS.cuPhonescrip]);
    expect(payload.CTData).toEqual({ code: "105003", message: "非电信号码，未尝试取号" });
    expect(payload.CUData).toEqual({ code: "105001", message: "联通网关取号失败" });
  });

  it("skips both CT and CU for a CM subscriber", async () => {
    const { sdk, transport } = setup(
      routes({ [PATHS.preGetMobile]: cmFail("103134", "WAP 取号为空", { msisdnOwner: "CM" }) }),
    );
    const { payload } = await start(sdk).first;
    expect(transport.calls).toHaveLength(1);
    expect(payload.CTData).toEqual({ code: "105003", message: "非电信号码，未尝试取号" });
    expect(payload.CUData).toEqual({ code: "105001", message: "非联通号码，未尝试取号" });
  });

  it("ignores an msisdnOwner that is not a carrier name", async () => {
    const { sdk, transport } = setup(
      routes({
        [PATHS.preGetMobile]: cmFail("103111", "x", { msisdnOwner: { evil: true } }),
        [PATHS.ctPhonescrip]: { resultCode: "301", desc: "" },
        [PATHS.cuPhonescrip]: { resultCode: "301", desc: "" },
      }),
    );
    await start(sdk).first;
    expect(transport.calls).toHaveLength(3);
  });

  it("maps timeouts and transport failures of each carrier step to 500 网络异常", async () => {
    const { sdk } = setup(
      routes({
        [PATHS.preGetMobile]: transportError("timeout"),
        [PATHS.ctPhonescrip]: phonescripOk("CT"),
        "https://gw.ct.example": transportError("timeout"),
        [PATHS.cuPhonescrip]: phonescripOk("CU"),
        "https://gw.cu.example": jsonpOk,
        [PATHS.cuCallback]: transportError("http"),
      }),
    );
    const { payload } = await start(sdk).first;
    const network = { code: "500", message: "网络异常，请检查网络设置" };
    expect(payload).toMatchObject({ YDData: network, CTData: network, CUData: network });
  });

  it("maps malformed gateway answers to documented payloads instead of throwing", async () => {
    const { sdk, report } = setup(
      routes({
        [PATHS.preGetMobile]: "<html>502 Bad Gateway</html>",
        [PATHS.ctPhonescrip]: { resultCode: "103000", data: "javascript:alert(1)" },
        [PATHS.cuPhonescrip]: [1, 2, 3],
      }),
    );
    const { payload } = await start(sdk).first;
    expect(payload.YDData.code).toBe("500");
    expect(payload.CTData.code).toBe("500");
    expect(payload.CUData.code).toBe("500");
    expect(report).not.toHaveBeenCalled();
  });

  it("treats a CM 103000 without accessToken as unusable (103005) and moves on to CT", async () => {
    const { sdk, transport } = setup(
      routes({
        [PATHS.preGetMobile]: cmOk({ accessToken: 12345 }),
        [PATHS.ctPhonescrip]: { resultCode: "301", desc: "参数错误" },
        [PATHS.cuPhonescrip]: { resultCode: "301", desc: "参数错误" },
      }),
    );
    const { payload } = await start(sdk).first;
    expect(payload.YDData).toEqual({ code: "103005", message: "inner error" });
    expect(transport.calls).toHaveLength(3);
  });

  it("accepts numeric result codes from sloppy gateways", async () => {
    const { sdk, views } = setup(routes({ [PATHS.preGetMobile]: cmOk({ resultCode: 103000 }) }));
    start(sdk);
    await flush();
    expect(views.mounted).toHaveLength(1);
  });
});

describe("authLevel 5", () => {
  it("succeeds with the accessToken and no UI", async () => {
    const { sdk, views, transport } = setup(
      routes({ [PATHS.preGetMobile]: cmOk({ authLevel: "5" }), [PATHS.pageOption]: HOLD }),
    );
    const { kind, payload } = await start(sdk, { authPageType: "1" }).first;
    expect(kind).toBe("success");
    expect(payload).toMatchObject({
      code: "103000",
      message: "获取AccessToken成功",
      msgId: "trace-1",
      accessToken: "AT-CM",
      maskPhone: "138****1234",
      oper: "CM",
    });
    expect(views.mountView).not.toHaveBeenCalled();
    // The page options fetched alongside are abandoned.
    expect(transport.calls.find((c) => c.path === PATHS.pageOption)?.aborted).toBe(true);
  });
});

describe("the view and the token", () => {
  const happy = (token: unknown = tokenOk) =>
    routes({ [PATHS.preGetMobile]: cmOk(), [PATHS.authGetToken]: token });

  it("requests the token with MD5 of the completed number and a fresh timestamp, then succeeds", async () => {
    const now = new Date(2026, 4, 6, 7, 8, 9, 10).getTime();
    const { sdk, transport, views } = setup(happy(), { now: () => now });
    const rec = start(sdk);
    await flush();
    const view = views.last();
    expect(view.model).toMatchObject({
      kind: "standard-page",
      carrier: "CM",
      maskPhone: "138****1234",
      authLevel: "4",
      appName: "示例应用",
    });
    view.handlers.submit("0000");
    const { kind, payload } = await rec.first;
    expect(kind).toBe("success");
    expect(payload).toMatchObject({
      code: "103000",
      message: "token获取成功",
      token: "TOKEN-1",
      msgId: "trace-1",
    });
    const cmBody = JSON.parse(transport.calls[0].body as string);
    expect(payload.userInformation).toBe(cmBody.userInformation);
    const tokenCall = transport.calls[1];
    expect(tokenCall.options.headers).toEqual({
      interfaceVersion: "2.0",
      timestamp: "20260506070809010",
      appId: "300011",
      businessType: "8",
      traceId: "trace-1",
    });
    expect(tokenCall.body).toEqual({
      accessToken: "AT-CM",
      phone: createHash("md5").update(FULL).digest("hex"),
      userInformation: cmBody.userInformation,
      expandParams: "",
    });
    expect(view.busy.mock.calls).toEqual([[true]]);
    expect(view.destroy).toHaveBeenCalledTimes(1);
  });

  it("hashes the masked number without its * for authLevel 1, as the official SDK does", async () => {
    const { sdk, transport, views } = setup(
      routes({ [PATHS.preGetMobile]: cmOk({ authLevel: "1" }), [PATHS.authGetToken]: tokenOk }),
    );
    const rec = start(sdk);
    await flush();
    views.last().handlers.submit("");
    await rec.first;
    expect((transport.calls[1].body as { phone: string }).phone).toBe(
      createHash("md5").update("1381234").digest("hex"),
    );
  });

  it("keeps the view open on 104012 without an error callback, and lets the user retry", async () => {
    let attempts = 0;
    const { sdk, views } = setup(
      routes({
        [PATHS.preGetMobile]: cmOk(),
        [PATHS.authGetToken]: () =>
          ++attempts === 1 ? { resultCode: "104012", desc: "本机号码校验失败" } : tokenOk,
      }),
    );
    const rec = start(sdk);
    await flush();
    const view = views.last();
    view.handlers.submit("9999");
    await flush();
    expect(view.wrongDigits).toHaveBeenCalledTimes(1);
    expect(view.busy.mock.calls).toEqual([[true], [false]]);
    expect(view.destroy).not.toHaveBeenCalled();
    expect(rec.all).toHaveLength(0);
    view.handlers.submit("0000");
    expect((await rec.first).kind).toBe("success");
    expect(rec.all).toHaveLength(1);
  });

  it("reports other token codes once and removes the view", async () => {
    const { sdk, views } = setup(
      happy({ resultCode: "104009", desc: "超过失败次数限制获取 Token" }),
    );
    const rec = start(sdk);
    await flush();
    views.last().handlers.submit("0000");
    expect(await rec.first).toEqual({
      kind: "error",
      payload: { code: "104009", message: "超过失败次数限制获取 Token", msgId: "trace-1" },
    });
    expect(views.last().destroy).toHaveBeenCalled();
  });

  it("passes the gateway's text as given, none when it sends a code without desc", async () => {
    const { sdk, views } = setup(happy({ resultCode: "104007" }));
    const rec = start(sdk);
    await flush();
    views.last().handlers.submit("0000");
    expect(await rec.first).toEqual({
      kind: "error",
      payload: { code: "104007", message: "", msgId: "trace-1" },
    });
  });

  for (const [label, answer] of [
    ["a transport failure", transportError("network")],
    ["a timeout", transportError("timeout")],
    ["a non-object answer", "oops"],
    ["103000 without a token", { resultCode: "103000", desc: "ok", data: { token: 42 } }],
  ] as const) {
    it(`reports ${label} of the token request as 103005 inner error`, async () => {
      const { sdk, views } = setup(happy(answer));
      const rec = start(sdk);
      await flush();
      views.last().handlers.submit("0000");
      expect(await rec.first).toEqual({
        kind: "error",
        payload: { code: "103005", message: "inner error", msgId: "trace-1" },
      });
    });
  }

  it("reports 501 用户取消授权 when the user cancels, and removes the view", async () => {
    const { sdk, views } = setup(happy());
    const rec = start(sdk);
    await flush();
    views.last().handlers.cancel();
    expect(await rec.first).toEqual({
      kind: "error",
      payload: { code: "501", message: "用户取消授权", msgId: "trace-1" },
    });
    expect(views.last().destroy).toHaveBeenCalledTimes(1);
  });

  it("ignores a submit with digits that do not fill the mask, with a toast", async () => {
    const { sdk, views, transport } = setup(happy());
    start(sdk);
    await flush();
    views.last().handlers.submit("12");
    expect(views.last().toast).toHaveBeenCalledWith("用户未补齐4位号码");
    expect(transport.calls).toHaveLength(1);
  });

  it("ignores a second submit while the token request runs", async () => {
    const { sdk, views, transport } = setup(happy(HOLD));
    start(sdk);
    await flush();
    views.last().handlers.submit("0000");
    views.last().handlers.submit("0000");
    await flush();
    expect(transport.calls.filter((c) => c.path === PATHS.authGetToken)).toHaveLength(1);
  });
});

describe("view kinds", () => {
  const cm = routes({
    [PATHS.preGetMobile]: cmOk(),
    [PATHS.pageOption]: {
      resultCode: "103000",
      data: { pageOption: { pageTitle: "登录", configBusinessName: "某业务", agreeCheckPic: 7 } },
    },
  });

  it.each([
    ["1", "standard-popup"],
    ["3", "custom-page"],
    ["0", "standard-page"],
    ["", "standard-page"],
    ["9", "standard-page"],
  ])("authPageType %j shows %s", async (authPageType, kind) => {
    const { sdk, views } = setup(cm);
    start(sdk, { authPageType });
    await flush();
    expect(views.last().model.kind).toBe(kind);
  });

  it("fetches getPageOption in parallel with the pre-fetch for the standard popup and passes it on", async () => {
    const { sdk, transport, views } = setup(
      routes({
        [PATHS.preGetMobile]: HOLD,
        [PATHS.pageOption]: {
          resultCode: "103000",
          data: {
            pageOption: { pageTitle: "登录", configBusinessName: "某业务", agreeCheckPic: 7 },
          },
        },
      }),
    );
    start(sdk, { authPageType: "1" });
    const pre = await transport.next(PATHS.preGetMobile);
    const pageCall = transport.calls.find((c) => c.path === PATHS.pageOption)!;
    expect(pageCall.method).toBe("get");
    expect(pageCall.options.headers).toEqual({
      interfaceVersion: "1.0",
      traceId: "trace-1",
      appId: "300011",
      timestamp: DATA.timestamp,
      businessType: "8",
    });
    pre.resolve(cmOk());
    await flush();
    // Untrusted non-string values are dropped.
    expect(views.last().model.pageOption).toEqual({
      pageTitle: "登录",
      configBusinessName: "某业务",
    });
    expect(views.last().model.appName).toBe("某业务");
  });

  it("draws the standard popup with defaults when getPageOption fails", async () => {
    const { sdk, views } = setup(
      routes({ [PATHS.preGetMobile]: cmOk(), [PATHS.pageOption]: transportError("http") }),
    );
    start(sdk, { authPageType: "1" });
    await flush();
    expect(views.last().model).toMatchObject({
      kind: "standard-popup",
      pageOption: undefined,
      appName: "示例应用",
    });
  });

  it("does not call getPageOption for other page types", async () => {
    const { sdk, transport } = setup(cm);
    start(sdk, { authPageType: "3" });
    await flush();
    expect(transport.paths()).not.toContain(PATHS.pageOption);
  });

  it("passes the authPageInit options to the custom page and customerPrivacyConfig as links", async () => {
    const { sdk, views } = setup(
      routes({
        [PATHS.preGetMobile]: cmOk({
          customerPrivacyConfig: '{"隐私政策":"https://a.example/p","bad":3}',
        }),
      }),
    );
    const options = { bgColor: "#fff", titleStyle: { name: "标题" } };
    sdk.authPageInit(options);
    start(sdk, { authPageType: "3" });
    await flush();
    expect(views.last().model.pageOptions).toEqual(options);
    expect(views.last().model.privacyLinks).toEqual([
      { name: "隐私政策", url: "https://a.example/p" },
    ]);
  });

  it("treats an unknown authLevel as 4 when digits are hidden", async () => {
    const { sdk, views } = setup(routes({ [PATHS.preGetMobile]: cmOk({ authLevel: "7" }) }));
    start(sdk);
    await flush();
    expect(views.last().model.authLevel).toBe("4");
  });

  it("answers 506 弹窗加载失败 when mounting the view throws", async () => {
    const { sdk, views, report } = setup(routes({ [PATHS.preGetMobile]: cmOk() }));
    views.mountView.mockImplementationOnce(() => {
      throw new Error("boom");
    });
    const { payload } = await start(sdk).first;
    expect(payload).toEqual({ code: "506", message: "弹窗加载失败", msgId: "trace-1" });
    expect(report).toHaveBeenCalled();
  });
});

describe("hosts", () => {
  it("uses the test hosts for isTest '0' and the configured hosts over both", async () => {
    const { sdk, transport } = setup(allFail);
    await start(sdk, { isTest: "0" }).first;
    expect(transport.calls[0].url).toBe(
      "https://testcert.cmpassport.com:7009/h5/httpsPreGetmobile",
    );
    expect(transport.calls[1].url).toBe(
      "https://testcert.cmpassport.com:7002/h5/onekeylogin/getNewTelecomPhonescrip",
    );

    sdk.config({ cmHost: "http://127.0.0.1:7009/", apiHost: "http://127.0.0.1:7002" });
    await start(sdk, { isTest: "0" }).first;
    expect(transport.calls[3].url).toBe("http://127.0.0.1:7009/h5/httpsPreGetmobile");
    expect(transport.calls[4].url).toBe(
      "http://127.0.0.1:7002/h5/onekeylogin/getNewTelecomPhonescrip",
    );
  });

  it("passes the configured timeout to every request and ignores invalid config values", async () => {
    const { sdk, transport } = setup(allFail);
    expect(sdk.config({ timeout: 1500 }).timeout).toBe(1500);
    const after = sdk.config({ timeout: -1, cmHost: "javascript:alert(1)" });
    expect(after.timeout).toBe(1500);
    expect(after.cmHost).toBeUndefined();
    await start(sdk).first;
    expect(transport.calls.map((c) => c.options.timeout)).toEqual([1500, 1500, 1500]);
  });

  it("defaults to 8 s", async () => {
    const { sdk, transport } = setup(allFail);
    await start(sdk).first;
    expect(transport.calls[0].options.timeout).toBe(8000);
  });
});
