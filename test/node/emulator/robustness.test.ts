// Bad input never crashes the emulator: each gets a clear error and the next request is served.
import { request } from "node:http";
import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { APP_ID, BROWSER, until, http, postJson, preGet, preGetBody, start } from "./support";
import type { RunningEmulator } from "../../../src/emulator/index";

async function stillServes(emu: RunningEmulator) {
  const r = await preGet(emu, preGetBody());
  expect(r.json.body.resultCode).toBe("103000");
}

function raw(emu: RunningEmulator, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = connect(emu.port, "127.0.0.1", () => s.write(text));
    let out = "";
    s.on("data", (d) => {
      out += d.toString();
    });
    s.on("end", () => resolve(out));
    s.on("close", () => resolve(out));
    s.on("error", reject);
  });
}

describe("bad input", () => {
  it("413 for a body over the limit (declared and streamed), then keeps serving", async () => {
    const emu = await start();
    const big = "x".repeat(70 * 1024);
    const r = await http(emu.url + "/h5/httpsPreGetmobile", {
      method: "POST",
      headers: { "Content-Type": "text/plain" },
      body: big,
    });
    expect(r.status).toBe(413);
    expect(r.json.error.type).toBe("payload_too_large");
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = request(
        emu.url + "/h5/onekeylogin/authGetToken",
        { method: "POST", headers: { "Transfer-Encoding": "chunked" } },
        (res) => {
          res.resume();
          resolve(res.statusCode!);
        },
      );
      req.on("error", reject);
      for (let i = 0; i < 70; i++) req.write("y".repeat(1024));
      req.end();
    });
    expect(chunked).toBe(413);
    await stillServes(emu);
  });

  it("honours a configured body limit", async () => {
    const emu = await start({ limits: { bodyLimitBytes: 100 } });
    const r = await postJson(emu.url + "/__emulator/sims", { id: "x".repeat(200) });
    expect(r.status).toBe(413);
  });

  it("400 with the endpoint's code for non-JSON, non-object and wrongly typed bodies", async () => {
    const emu = await start();
    const notJson = await preGet(emu, "{oops");
    expect(notJson.status).toBe(400);
    expect(notJson.json.body.resultCode).toBe("130010");
    expect(notJson.json.body.resultDesc).toContain("not JSON");
    const array = await preGet(emu, "[1,2]");
    expect(array.json.body.resultDesc).toContain("not an object");
    const empty = await preGet(emu, "");
    expect(empty.status).toBe(400);
    const ct = await postJson(emu.url + "/h5/onekeylogin/getNewTelecomPhonescrip", "str", {
      appId: APP_ID,
      traceId: "t",
      interfaceVersion: "2.0",
    });
    expect(ct).toMatchObject({ status: 400, json: { resultCode: "130030" } });
    const cb = await http(emu.url + "/h5/onekeylogin/CUCallback", { method: "POST", body: "null" });
    expect(cb).toMatchObject({ status: 400, json: { resultCode: "130030" } });
    const typed = await postJson(
      emu.url + "/h5/onekeylogin/getNewTelecomPhonescrip",
      { encrypted: ["a"], reqdata: {}, businessType: 8 },
      { appId: APP_ID, traceId: "t", interfaceVersion: "2.0" },
    );
    expect(typed).toMatchObject({ status: 400, json: { resultCode: "130030" } });
    expect(typed.json.desc).toContain("must be a string");
    const tok = await http(emu.url + "/h5/onekeylogin/authGetToken", {
      method: "POST",
      body: "\u0000\u0001",
    });
    expect(tok).toMatchObject({ status: 400, json: { resultCode: "103002" } });
    const admin = await http(emu.url + "/__emulator/sims", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{",
    });
    expect(admin).toMatchObject({ status: 400, json: { error: { type: "bad_json" } } });
    const adminTyped = await postJson(emu.url + "/__emulator/sims", {
      id: "a",
      number: 1,
      carrier: "CM",
    });
    expect(adminTyped).toMatchObject({ status: 400, json: { error: { type: "invalid" } } });
    await stillServes(emu);
  });

  it("404 JSON for unknown paths, 405 for a wrong method, with the list of endpoints", async () => {
    const emu = await start();
    const r = await http(emu.url + "/h5/onekeylogin/nope");
    expect(r.status).toBe(404);
    expect(r.json.error.type).toBe("not_found");
    expect(r.json.error.protocol).toContain("POST /h5/httpsPreGetmobile");
    expect((await http(emu.url + "/")).status).toBe(404);
    expect((await http(emu.url + "/__emulator/nope")).status).toBe(404);
    const wrong = await http(emu.url + "/h5/httpsPreGetmobile");
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toContain("POST");
    expect((await http(emu.url + "/__emulator/reset")).status).toBe(405);
    expect((await http(emu.url + "/__emulator/apps/%E0%A4%A")).status).toBe(400);
    await stillServes(emu);
  });

  it("survives malformed HTTP, odd targets and oversized headers", async () => {
    const emu = await start();
    expect(await raw(emu, "NONSENSE\r\n\r\n")).toMatch(/^HTTP\/1\.1 400/);
    expect(
      await raw(emu, "GET http://[::1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
    ).toMatch(/^HTTP\/1\.1 (400|404)/);
    expect(await raw(emu, `GET /x HTTP/1.1\r\nHost: x\r\nX: ${"a".repeat(20000)}\r\n\r\n`)).toMatch(
      /^HTTP\/1\.1 431|^HTTP\/1\.1 400|^$/,
    );
    await stillServes(emu);
  });

  it("shrugs off a client that disconnects mid-body", async () => {
    const emu = await start();
    await new Promise<void>((resolve) => {
      const s = connect(emu.port, "127.0.0.1", () => {
        s.write(
          'POST /h5/httpsPreGetmobile HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{"appId":',
        );
        s.destroy();
        resolve();
      });
    });
    // The half-read request is recorded as a 400 once the emulator notices the close.
    await until(
      () => emu.state.records.list({ endpoint: "preGetMobile", resultCode: "400" }).length === 1,
    );
    await stillServes(emu);
  });

  it("answers 500 JSON when a handler throws, and keeps serving", async () => {
    const emu = await start();
    const original = emu.state.registry.get.bind(emu.state.registry);
    emu.state.registry.get = () => {
      throw new Error("boom");
    };
    const r = await preGet(emu, preGetBody(), BROWSER);
    expect(r.status).toBe(500);
    expect(r.json.error).toMatchObject({ type: "internal" });
    emu.state.registry.get = original;
    await stillServes(emu);
  });

  it("ignores a hostile Host header when building the JSONP URL", async () => {
    const emu = await start();
    const { phonescripRequest, newTrace } = await import("./support");
    const req = phonescripRequest({ traceId: newTrace() });
    const send = (host: string) =>
      postJson(emu.url + "/h5/onekeylogin/getNewTelecomPhonescrip", req.body, {
        ...req.headers,
        ...BROWSER,
        Host: host,
      });
    const hostile = await send("evil.example/<x> y");
    expect(hostile.json.data.startsWith(emu.url + "/carrier/ct/getPhone?")).toBe(true);
    // A plain other name is not trusted either (DNS rebinding sends any name): the URL is built
    // from the configured public address.
    const local = await send(`localhost:${emu.port}`);
    expect(local.json.data.startsWith(emu.url + "/carrier/ct/getPhone?")).toBe(true);
  });

  it("builds the URLs it hands out from the configured public address", async () => {
    const emu = await start({ publicUrl: "http://localhost:7777" });
    const { phonescripRequest, newTrace } = await import("./support");
    const req = phonescripRequest({ traceId: newTrace() });
    const r = await postJson(emu.url + "/h5/onekeylogin/getNewTelecomPhonescrip", req.body, {
      ...req.headers,
      ...BROWSER,
      Host: "rebound.example:7777",
    });
    expect(r.json.data.startsWith("http://localhost:7777/carrier/ct/getPhone?")).toBe(true);
    const fetched = await preGet(emu, preGetBody(), { ...BROWSER, Host: "rebound.example" });
    expect(fetched.json.body.authPageUrl).toBe("http://localhost:7777/h5/onekeylogin/authPage");
  });

  it("refuses a public address that is not an http(s) origin", async () => {
    await expect(start({ publicUrl: "http://localhost:7777/path" })).rejects.toThrow(/publicUrl/);
    await expect(start({ publicUrl: "ftp://localhost" })).rejects.toThrow(/publicUrl/);
  });
});
