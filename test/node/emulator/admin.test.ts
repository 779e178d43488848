// The admin/inspection API over HTTP.
import { describe, expect, it } from "vitest";
import {
  APP_ID,
  DEMO,
  fetchNumber,
  http,
  newTrace,
  postJson,
  preGet,
  preGetBody,
  crossFlow,
  authGetToken,
  md5,
  start,
} from "./support";

const put = (url: string, body: unknown) =>
  http(url, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
const patch = (url: string, body: unknown) =>
  http(url, {
    method: "PATCH",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });

describe("admin API", () => {
  it("lists its routes", async () => {
    const emu = await start();
    const r = await http(emu.url + "/__emulator/");
    expect(r.json.admin.length).toBeGreaterThan(15);
    expect((await http(emu.url + "/__emulator/health")).json.ok).toBe(true);
  });

  it("SIMs: list (masked), add, set default, bind a flow, inspect a number", async () => {
    const emu = await start();
    const list = await http(emu.url + "/__emulator/sims");
    expect(list.json.defaultSimId).toBe("cm");
    expect(list.json.sims.find((s: any) => s.id === "cm")).toMatchObject({
      carrier: "CM",
      maskedNumber: "138****1234",
    });
    expect(list.text).not.toContain("13800001234");

    expect(
      (
        await postJson(emu.url + "/__emulator/sims", {
          id: "cu-5g",
          number: "13000001111",
          carrier: "CU",
          network: "cellular",
        })
      ).status,
    ).toBe(200);
    expect(
      (await put(emu.url + "/__emulator/sims/default", { simId: "cu-5g" })).json.defaultSimId,
    ).toBe("cu-5g");
    expect((await put(emu.url + "/__emulator/sims/default", { simId: "nope" })).status).toBe(404);
    const cm = await preGet(emu, preGetBody());
    expect(cm.json.body).toMatchObject({ resultCode: "105002", msisdnOwner: "CU" });

    // A bound flow ignores the default; expandParams beats the binding.
    const traceId = newTrace();
    expect(
      (await put(emu.url + `/__emulator/sessions/${traceId}/sim`, { simId: "ct" })).status,
    ).toBe(200);
    const f = await crossFlow(emu, "CT", traceId);
    expect(f.s3!.json.resultCode).toBe("103000");
    const s = await http(emu.url + `/__emulator/sessions/${traceId}`);
    expect(s.json.simId).toBe("ct");
    expect(s.json.records.map((r: any) => r.endpoint)).toEqual([
      "ctPhonescrip",
      "ctGateway",
      "ctCallback",
    ]);
    expect(s.json.seen).toMatchObject({ endpoint: "ctCallback", refererOk: true, originOk: true });
    const n = await http(emu.url + "/__emulator/sims/cm/number");
    expect(n.json).toMatchObject({ consecutiveWrong: 0, locked: false, unusedTokens: 0 });
  });

  it("parallel flows with different SIMs do not interfere", async () => {
    const emu = await start();
    const sims = ["cm", "ct", "cu", "cm-wifi", "cm-iot"];
    const results = await Promise.all(sims.map((sim) => preGet(emu, preGetBody({ sim }))));
    expect(results.map((r) => r.json.body.resultCode)).toEqual([
      "103000",
      "105002",
      "105002",
      "103111",
      "103609",
    ]);
  });

  it("apps: get (key redacted), put, patch, register a page", async () => {
    const emu = await start();
    const one = await http(emu.url + `/__emulator/apps/${APP_ID}`);
    expect(one.json.app.referers).toContain(`${DEMO}/standard-popup.html`);
    expect(one.json.app.appKey).not.toBe("a7d94bd19aa72cfc8f7067a59a53369e");
    expect((await http(emu.url + "/__emulator/apps")).json.apps.length).toBe(7);

    const created = await put(emu.url + "/__emulator/apps/42", {
      appKey: "k".repeat(32),
      appName: "测试",
      referers: ["http://127.0.0.1:9000/a.html"],
      origins: ["http://127.0.0.1:9000"],
    });
    expect(created.json.app).toMatchObject({
      appId: "42",
      authLevel: "4",
      reviewStatus: "审核成功",
      crossCarrier: { ct: true, cu: true },
    });
    expect((await put(emu.url + "/__emulator/apps/43", { appName: "x" })).status).toBe(400);

    const patched = await patch(emu.url + "/__emulator/apps/42", {
      authLevel: "1",
      crossCarrier: { cu: false },
    });
    expect(patched.json.app).toMatchObject({
      authLevel: "1",
      crossCarrier: { ct: true, cu: false },
    });
    expect((await patch(emu.url + "/__emulator/apps/404", {})).status).toBe(404);
    expect((await patch(emu.url + "/__emulator/apps/42", { authLevel: "2" })).status).toBe(400);
    const badKey = await patch(emu.url + "/__emulator/apps/42", {
      rsaPublicKey: "-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----",
    });
    expect(badKey.status).toBe(400);
    expect(badKey.json.error.message).toContain("rsaPublicKey");

    const page = await postJson(emu.url + `/__emulator/apps/${APP_ID}/pages`, {
      url: "http://localhost:8080/standard-popup.html?x=1#y",
    });
    expect(page.json.app.referers).toContain("http://localhost:8080/standard-popup.html");
    expect(page.json.app.origins).toContain("http://localhost:8080");
    const r = await preGet(emu, preGetBody(), {
      Referer: "http://localhost:8080/standard-popup.html",
      Origin: "http://localhost:8080",
    });
    expect(r.json.body.resultCode).toBe("103000");
  });

  it("seen: the Referer/Origin last received, per traceId and per app, with the verdict", async () => {
    const emu = await start();
    const body = preGetBody();
    await preGet(emu, body, {
      Referer: "http://localhost:8080/standard-popup.html",
      Origin: "http://localhost:8080",
    });
    const byTrace = await http(emu.url + `/__emulator/seen?traceId=${body.traceId}`);
    expect(byTrace.json.seen).toMatchObject({
      refererOk: false,
      originOk: false,
      origin: "http://localhost:8080",
    });
    expect(byTrace.json.seen.refererReason).toContain("not a registered page address");
    await preGet(emu, preGetBody());
    expect((await http(emu.url + `/__emulator/seen?appId=${APP_ID}`)).json.seen.refererOk).toBe(
      true,
    );
    expect((await http(emu.url + "/__emulator/seen")).json.seen.refererOk).toBe(true);
    expect((await http(emu.url + "/__emulator/seen?traceId=unknown")).json.seen).toBeNull();
  });

  it("clock: read and advance; the timestamp window follows it", async () => {
    const emu = await start();
    const c0 = (await http(emu.url + "/__emulator/clock")).json;
    expect(c0.timestamp).toMatch(/^\d{17}$/);
    const c1 = (await postJson(emu.url + "/__emulator/clock", { advanceMs: 3_600_000 })).json;
    expect(c1.offsetMs).toBe(3_600_000);
    expect(c1.now - c0.now).toBeGreaterThanOrEqual(3_600_000);
    expect((await preGet(emu, preGetBody())).json.body.resultCode).toBe("105112");
    expect((await postJson(emu.url + "/__emulator/clock", { advanceMs: "x" })).status).toBe(400);
  });

  it("clock: a move beyond ten years (1e308, 8.64e15, a fraction) is refused; nothing 500s after", async () => {
    const emu = await start();
    const tenYears = 10 * 365 * 24 * 3_600_000;
    for (const advanceMs of [1e308, 8.64e15, -8.64e15, tenYears + 1, 1.5, null]) {
      const r = await postJson(emu.url + "/__emulator/clock", { advanceMs });
      expect(r.status, String(advanceMs)).toBe(400);
      expect(r.json.error.message, String(advanceMs)).toMatch(/integer|ten years/);
    }
    expect(emu.state.clockOffsetMs).toBe(0);
    // Steps that are each allowed cannot add up past the bound either.
    expect((await postJson(emu.url + "/__emulator/clock", { advanceMs: tenYears })).status).toBe(
      200,
    );
    const more = await postJson(emu.url + "/__emulator/clock", { advanceMs: 1 });
    expect(more.status).toBe(400);
    expect(more.json.error.message).toContain("ten years");
    expect(() => emu.state.advanceClock(1)).toThrow(RangeError);
    expect((await http(emu.url + "/__emulator/clock")).status).toBe(200);
    expect((await http(emu.url + "/__emulator/records")).status).toBe(200);
    expect((await http(emu.url + "/__emulator/health")).status).toBe(200);
    const fetched = await preGet(emu, preGetBody());
    expect(fetched.status).toBe(200);
    expect(fetched.json.body.resultCode).toBe("105112");
  });

  it("records: per request, filterable, masked; stats count billable returns; the log has no full numbers or keys", async () => {
    const lines: string[] = [];
    const emu = await start({ log: (l) => lines.push(l) });
    const { traceId, body } = await fetchNumber(emu);
    await authGetToken(emu, traceId, { accessToken: body.accessToken, phone: md5("13800001234") });
    await preGet(emu, preGetBody({ sim: "cm-wifi" }));
    const recs = (await http(emu.url + `/__emulator/records?traceId=${traceId}`)).json.records;
    expect(recs.map((r: any) => [r.endpoint, r.resultCode, r.carrier, r.appId])).toEqual([
      ["preGetMobile", "103000", "CM", APP_ID],
      ["authGetToken", "103000", "CM", APP_ID],
    ]);
    expect(recs[0].maskPhone).toBe("138****1234");
    expect(typeof recs[0].durationMs).toBe("number");
    expect(recs[0].time).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(
      (await http(emu.url + "/__emulator/records?resultCode=103111")).json.records,
    ).toHaveLength(1);
    const since = (await http(emu.url + `/__emulator/records?since=${recs[0].seq}`)).json.records;
    expect(since.every((r: any) => r.seq > recs[0].seq)).toBe(true);
    const stats = (await http(emu.url + "/__emulator/stats")).json.apps[APP_ID];
    expect(stats.byEndpoint.preGetMobile).toEqual({ "103000": 1, "103111": 1 });
    expect(stats.billable).toBe(0);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/preGetMobile app=300011000001 carrier=CM code=103000 \d+ms/);
    const all = lines.join("\n") + JSON.stringify(recs);
    for (const secret of [
      "13800001234",
      "13900002222",
      "a7d94bd19aa72cfc8f7067a59a53369e",
      body.accessToken,
    ])
      expect(all).not.toContain(secret);
  });

  it("reset: back to the startup registry and SIMs, everything else cleared", async () => {
    const emu = await start();
    await postJson(emu.url + "/__emulator/sims", {
      id: "extra",
      number: "13000000000",
      carrier: "CM",
    });
    await put(emu.url + "/__emulator/sims/default", { simId: "extra" });
    await patch(emu.url + `/__emulator/apps/${APP_ID}`, { entitlement: "expired" });
    await postJson(emu.url + "/__emulator/faults", { endpoint: "*", latencyMs: 1 });
    await postJson(emu.url + "/__emulator/clock", { advanceMs: 1000 });
    await preGet(emu, preGetBody());
    expect((await postJson(emu.url + "/__emulator/reset", {})).json.ok).toBe(true);
    expect((await http(emu.url + "/__emulator/sims")).json.defaultSimId).toBe("cm");
    expect(
      (await http(emu.url + "/__emulator/sims")).json.sims.some((s: any) => s.id === "extra"),
    ).toBe(false);
    expect((await http(emu.url + `/__emulator/apps/${APP_ID}`)).json.app.entitlement).toBe(
      "active",
    );
    expect((await http(emu.url + "/__emulator/faults")).json.faults).toEqual({});
    expect((await http(emu.url + "/__emulator/records")).json.records).toEqual([]);
    expect((await http(emu.url + "/__emulator/clock")).json.offsetMs).toBe(0);
    expect((await preGet(emu, preGetBody())).json.body.resultCode).toBe("103000");
  });
});
