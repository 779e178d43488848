/** Bad input to the demo backend: clear 4xx JSON errors, and the server keeps serving. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { DemoHandle } from "../../../demo/app";
import { MAX_BODY_BYTES } from "../../../demo/http";
import { postJson, rawRequest, startTestDemo, USER_INFORMATION } from "./support";

let demo: DemoHandle;

beforeAll(async () => {
  demo = await startTestDemo();
});

afterAll(async () => {
  await demo?.close();
});

async function stillServing() {
  const r = await postJson(`${demo.url}api/sign`, {});
  expect(r.status).toBe(200);
  expect(r.json.sign).toMatch(/^[0-9a-f]{32}$/);
}

describe.each(["sign", "login"])("/api/%s", (route) => {
  const url = () => `${demo.url}api/${route}`;

  test.each([
    ["not JSON", "{not json", "invalid_json"],
    ["a JSON array", "[1,2]", "invalid_json"],
    ["a JSON string", '"x"', "invalid_json"],
    ["null", "null", "invalid_json"],
  ])("%s → 400", async (_name, body, code) => {
    const r = await postJson(url(), body);
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ error: code });
    expect(r.json.message).toEqual(expect.any(String));
    await stillServing();
  });

  test("GET → 405 with Allow: POST", async () => {
    const res = await fetch(url());
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
    expect((await res.json()).error).toBe("method_not_allowed");
  });

  test("a body over the limit → 413 (declared length)", async () => {
    const big = JSON.stringify({ token: "x".repeat(MAX_BODY_BYTES + 10) });
    const r = await postJson(url(), big);
    expect(r.status).toBe(413);
    expect(r.json.error).toBe("body_too_large");
    await stillServing();
  });

  test("a chunked body over the limit → 413", async () => {
    const chunk = "x".repeat(4096);
    const r = await rawRequest(url(), {
      method: "POST",
      headers: { "Content-Type": "application/json", "Transfer-Encoding": "chunked" },
      chunks: [
        '{"token":"',
        ...Array.from({ length: Math.ceil(MAX_BODY_BYTES / 4096) + 2 }, () => chunk),
        '"}',
      ],
    });
    expect(r.status).toBe(413);
    await stillServing();
  });

  test("an unknown app → 400", async () => {
    const r = await postJson(url(), { app: "nope", token: "t", userInformation: USER_INFORMATION });
    expect(r.status).toBe(400);
    expect(r.json.error).toBe("bad_app");
  });
});

describe("/api/sign field checks", () => {
  test.each([
    [{ traceId: "has space" }, "bad_traceId"],
    [{ traceId: "x".repeat(65) }, "bad_traceId"],
    [{ traceId: 42 }, "bad_traceId"],
    [{ timestamp: "2024" }, "bad_timestamp"],
    [{ timestamp: "20241399000000000" }, "bad_timestamp"],
    [{ scenario: "drop-tables" }, "bad_scenario"],
  ])("%j → 400 %s", async (body, code) => {
    const r = await postJson(`${demo.url}api/sign`, body);
    expect(r.status).toBe(400);
    expect(r.json.error).toBe(code);
  });
});

describe("/api/login field checks", () => {
  test.each([
    [{}, "missing_token"],
    [{ token: "", userInformation: USER_INFORMATION }, "missing_token"],
    [{ token: 123, userInformation: USER_INFORMATION }, "missing_token"],
    [{ token: "a b", userInformation: USER_INFORMATION }, "bad_token"],
    [{ token: "x".repeat(513), userInformation: USER_INFORMATION }, "bad_token"],
    [{ token: "abc" }, "missing_userInformation"],
    [{ token: "abc", userInformation: { a: 1 } }, "missing_userInformation"],
    [{ token: "abc", userInformation: "line\nbreak" }, "bad_userInformation"],
    [{ token: "abc", userInformation: USER_INFORMATION, expandParams: 5 }, "bad_expandParams"],
  ])("%j → 400 %s", async (body, code) => {
    const r = await postJson(`${demo.url}api/login`, body);
    expect(r.status).toBe(400);
    expect(r.json.error).toBe(code);
    expect(r.json.message).toEqual(expect.any(String));
  });
});

describe("other routes", () => {
  test("unknown API path → 404 JSON; unknown page → 404; POST to a page → 405", async () => {
    const api = await fetch(`${demo.url}api/nothing`);
    expect(api.status).toBe(404);
    expect((await api.json()).error).toBe("not_found");
    expect((await fetch(`${demo.url}nothing.html`)).status).toBe(404);
    expect(
      (await fetch(`${demo.url}standard-popup.html`, { method: "POST", body: "x" })).status,
    ).toBe(405);
  });

  test("no path escapes the assets folder", async () => {
    for (const p of [
      "assets/..%2F..%2Fpackage.json",
      "assets/%2e%2e/_panels.html",
      "assets/../app.ts",
      "vendor/crypto-js/..%2Fpackage",
      "vendor/crypto-js/index",
    ]) {
      const res = await fetch(`${demo.url}${p}`);
      expect(res.status, p).toBe(404);
    }
  });

  test("/api/inspect needs a valid traceId and reports unknown flows as not found", async () => {
    expect((await fetch(`${demo.url}api/inspect`)).status).toBe(400);
    expect((await fetch(`${demo.url}api/inspect?traceId=a%20b`)).status).toBe(400);
    const r = await (await fetch(`${demo.url}api/inspect?traceId=neverseen`)).json();
    expect(r.found).toBe(false);
  });

  test("the server is still up after all of the above", stillServing);
});
