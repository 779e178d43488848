// @vitest-environment node
// Server-side rendering imports the SDK in Node: nothing may touch window/document at import,
// and the methods that need no page keep working.
import { describe, expect, it, vi } from "vitest";

vi.mock("../../../src/views/index", () => ({
  mountView: () => {
    throw new Error("real views are not used here");
  },
}));

describe("the SDK in Node", () => {
  it("imports without a DOM and answers what needs none", async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe("undefined");
    const { YDRZAuthLogin } = await import("../../../src/index");
    expect(YDRZAuthLogin.getConnection("300011")).toMatchObject({
      appid: "300011",
      netType: "unknown",
    });
    expect(YDRZAuthLogin.config().timeout).toBe(8000);
    const errors: unknown[] = [];
    YDRZAuthLogin.getTokenInfo({ data: { version: "2.0" } as never, error: (e) => errors.push(e) });
    // The npm module's payload: the original's fields and the taxonomy's.
    expect(errors).toEqual([
      {
        code: "503",
        message: "参数缺失",
        msgId: "",
        field: "appId",
        kind: "missing-param",
        stage: "request",
        retryable: false,
        sms: false,
      },
    ]);
    expect(typeof (globalThis as { document?: unknown }).document).toBe("undefined");
  });
});
