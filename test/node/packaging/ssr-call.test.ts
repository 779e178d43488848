// Server-side rendering calls the SDK in Node: the call must end in one error callback (509) with
// no request made, no exception and the process alive.
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";

const root = resolve(__dirname, "../../..");

// The child reports every callback, every uncaught exception and every fetch, then exits by
// itself once the event loop is empty (a pending timer would keep it alive until the test's
// timeout, a crash gives a non-zero status).
const script = (entry: string) => `
const seen = [];
process.on("uncaughtException", (e) => seen.push(["uncaught", String(e)]));
globalThis.fetch = (url) => { seen.push(["fetch", String(url)]); return new Promise(() => {}); };
process.on("exit", () => console.log(JSON.stringify(seen)));
const { YDRZAuthLogin } = require(${JSON.stringify(entry)});
const data = { version: "2.0", appId: "300011", sign: "s", traceId: "t1", timestamp: "1",
  authPageType: "1", expandParams: "" };
YDRZAuthLogin.getTokenInfo({
  data,
  success: (res) => seen.push(["success", res]),
  error: (res) => {
    seen.push(["error", res]);
    // The promise form, once the first call has ended.
    YDRZAuthLogin.getToken(data).then(
      (res) => seen.push(["resolved", res]),
      (e) => seen.push(["rejected", e.code]),
    );
  },
});
`;

describe("getTokenInfo in Node (server-side rendering)", () => {
  it("ends in one error callback with the documented code, and nothing else", () => {
    const out = execFileSync(process.execPath, ["-e", script(resolve(root, "dist/index.cjs"))], {
      encoding: "utf8",
      timeout: 20_000,
    });
    const seen = JSON.parse(out.trim());
    expect(seen).toEqual([
      [
        "error",
        {
          code: "509",
          message: "非浏览器环境",
          msgId: "t1",
          kind: "not-browser",
          stage: "request",
          retryable: false,
          sms: false,
        },
      ],
      ["rejected", "509"],
    ]);
  });
});
