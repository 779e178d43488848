// Fault injection per endpoint: latency, timeout (held until the client gives up or close()),
// HTTP 5xx, malformed JSON, forced codes, `times`, `*`. No sleeps: conditions are polled.
import { describe, expect, it } from "vitest";
import {
  APP_ID,
  CROSS,
  until,
  authGetToken,
  callbackHeaders,
  crossStep1,
  fetchNumber,
  http,
  md5,
  newTrace,
  postJson,
  preGet,
  preGetBody,
  start,
  ts,
} from "./support";

describe("faults", () => {
  it("adds latency to one endpoint only", async () => {
    const emu = await start();
    await postJson(emu.url + "/__emulator/faults", { endpoint: "preGetMobile", latencyMs: 150 });
    const t0 = performance.now();
    const r = await preGet(emu, preGetBody());
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
    expect(r.json.body.resultCode).toBe("103000");
    await http(emu.url + "/h5/onekeylogin/getPageOption", { headers: { appId: APP_ID } });
    // Timing the other endpoint would be flaky on a busy machine; the record says it had no fault.
    expect(emu.state.records.list({ endpoint: "pageOption" })[0].fault).toBeUndefined();
    expect(emu.state.records.list({ endpoint: "preGetMobile" })[0].fault).toBe("latency");
  });

  it("timeout: never answers until the client gives up; the emulator keeps serving and close() is prompt", async () => {
    const emu = await start();
    emu.state.faults.set("authGetToken", { kind: "timeout" });
    const ac = new AbortController();
    const pending = postJson(emu.url + "/h5/onekeylogin/authGetToken", {}, {}).catch((e) => e);
    const held = http(emu.url + "/h5/onekeylogin/authGetToken", {
      method: "POST",
      body: "{}",
      signal: ac.signal,
    }).catch((e: Error) => e);
    await until(
      () =>
        emu.state.records.list({ endpoint: "authGetToken" }).filter((r) => r.fault === "timeout")
          .length === 2,
    );
    ac.abort();
    expect(((await held) as Error).name).toBe("AbortError");
    // Other endpoints answer meanwhile.
    expect((await preGet(emu, preGetBody())).json.body.resultCode).toBe("103000");
    await emu.close();
    expect(await pending).toBeInstanceOf(Error); // socket closed by close()
  });

  it("http5xx with the given status, then gone after `times`", async () => {
    const emu = await start();
    const set = await postJson(emu.url + "/__emulator/faults", {
      endpoint: "ctPhonescrip",
      kind: "http5xx",
      status: 502,
      times: 1,
    });
    expect(set.status).toBe(200);
    const r1 = await crossStep1(emu, "CT", newTrace());
    expect(r1.status).toBe(502);
    expect(r1.json.error.type).toBe("injected_fault");
    const r2 = await crossStep1(emu, "CT", newTrace());
    expect(r2.json.resultCode).toBe("103000");
    expect((await http(emu.url + "/__emulator/faults")).json.faults).toEqual({});
  });

  it("malformedJson: a truncated JSON body, and a broken script from the JSONP gateway", async () => {
    const emu = await start();
    emu.state.faults.set("preGetMobile", { kind: "malformedJson" });
    const r = await preGet(emu, preGetBody());
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toMatch(/json/);
    expect(() => JSON.parse(r.text)).toThrow();
    emu.state.faults.set("ctGateway", { kind: "malformedJson" });
    const s1 = await crossStep1(emu, "CT", newTrace());
    const js = await http(s1.json.data);
    expect(js.headers["content-type"]).toMatch(/javascript/);
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- compiles it as <script> would
    expect(() => new Function(js.text)).toThrow(SyntaxError);
  });

  it("code: the endpoint's own shape with a forced result", async () => {
    const emu = await start();
    emu.state.faults.set("authGetToken", { kind: "code", code: "104012" });
    const { traceId, body } = await fetchNumber(emu);
    const r = await authGetToken(emu, traceId, {
      accessToken: body.accessToken,
      phone: md5("13800001234"),
    });
    expect(r.json).toEqual({ resultCode: "104012", desc: "本机号码校验失败" });
    emu.state.faults.set("preGetMobile", { kind: "code", code: "103111", desc: "WAP网关IP错误" });
    const cm = await preGet(emu, preGetBody());
    expect(cm.json.body).toMatchObject({ resultCode: "103111", resultDesc: "WAP网关IP错误" });
    emu.state.faults.set("cuGateway", { kind: "code", code: "-10008" });
    const s1 = await crossStep1(emu, "CU", newTrace());
    const js = await http(s1.json.data);
    expect(js.text).toContain('"result":"-10008"');
  });

  it("`*` applies to every endpoint without its own fault; DELETE clears", async () => {
    const emu = await start();
    await postJson(emu.url + "/__emulator/faults", { endpoint: "*", kind: "http5xx" });
    await postJson(emu.url + "/__emulator/faults", {
      endpoint: "pageOption",
      kind: "code",
      code: "105113",
    });
    expect((await preGet(emu, preGetBody())).status).toBe(503);
    expect(
      (await http(emu.url + "/h5/onekeylogin/getPageOption", { headers: { appId: APP_ID } })).json
        .resultCode,
    ).toBe("105113");
    const del = await http(emu.url + "/__emulator/faults", { method: "DELETE" });
    expect(del.json.faults).toEqual({});
    expect((await preGet(emu, preGetBody())).status).toBe(200);
  });

  it("rejects invalid faults with 400", async () => {
    const emu = await start();
    for (const bad of [
      { endpoint: "nope", kind: "timeout" },
      { endpoint: "authGetToken" },
      { endpoint: "authGetToken", kind: "http5xx", status: 404 },
      { endpoint: "authGetToken", kind: "code" },
      { endpoint: "authGetToken", latencyMs: -1 },
    ]) {
      const r = await postJson(emu.url + "/__emulator/faults", bad);
      expect(r.status, JSON.stringify(bad)).toBe(400);
      expect(r.json.error.type).toBe("invalid");
    }
  });

  it("faulted requests carry the flow's appId and traceId, whichever way the endpoint names them", async () => {
    const emu = await start();
    const traceId = newTrace();
    // The CM pre-fetch names the flow in its JSON body.
    emu.state.faults.set("preGetMobile", { kind: "http5xx", status: 503, times: 1 });
    expect(
      (await preGet(emu, preGetBody({ traceId, timestamp: ts(emu.state.now()) }))).status,
    ).toBe(503);
    // The CT gateway (JSONP) only through the step-1 session in its URL.
    emu.state.faults.set("ctGateway", { kind: "malformedJson", times: 1 });
    const s1 = await crossStep1(emu, "CT", traceId);
    expect(s1.json.resultCode).toBe("103000");
    await http(s1.json.data);
    // /h5/onekeylogin/* in headers.
    emu.state.faults.set("ctCallback", { kind: "code", code: "103111", times: 1 });
    await postJson(
      emu.url + CROSS.CT.step3,
      { data: "x", ver: "1.0" },
      callbackHeaders(traceId, { timestamp: ts(emu.state.now()) }),
    );
    emu.state.faults.set("authGetToken", { kind: "timeout", times: 1 });
    const ac = new AbortController();
    const held = http(emu.url + "/h5/onekeylogin/authGetToken", {
      method: "POST",
      body: "{}",
      headers: { appId: APP_ID, traceId },
      signal: ac.signal,
    }).catch((e: Error) => e);
    await until(() => emu.state.records.list({ endpoint: "authGetToken" }).length === 1);
    ac.abort();
    await held;

    const faulted = (await http(emu.url + `/__emulator/sessions/${traceId}`)).json.records.filter(
      (r: { fault?: string }) => r.fault,
    );
    expect(
      faulted.map((r: Record<string, unknown>) => [r.endpoint, r.fault, r.appId, r.traceId]),
    ).toEqual([
      ["preGetMobile", "http5xx", APP_ID, traceId],
      ["ctGateway", "malformedJson", APP_ID, traceId],
      ["ctCallback", "code", APP_ID, traceId],
      ["authGetToken", "timeout", APP_ID, traceId],
    ]);
  });
});
