// getConnection: synchronous, no network, netType from navigator.connection.type.
import { describe, expect, it, vi } from "vitest";

vi.mock("../../../src/views/index", () => ({
  mountView: () => {
    throw new Error("real views are not used here");
  },
}));

import { getConnection } from "../../../src/sdk/api";
import { setup } from "./fakes";

const nav = (connection: unknown) => ({ navigator: { connection } }) as unknown as Window;

describe("getConnection", () => {
  it.each([
    [{ type: "cellular" }, "cellular"],
    [{ type: "wifi" }, "wifi"],
    [{ type: "ethernet" }, "unknown"],
    [{}, "unknown"],
    [undefined, "unknown"],
  ])("navigator.connection %j gives %s", (connection, netType) => {
    expect(getConnection("300011", nav(connection), Math.random).netType).toBe(netType);
  });

  it("survives a navigator.connection getter that throws", () => {
    const n = {
      navigator: Object.defineProperty({}, "connection", {
        get() {
          throw new Error("nope");
        },
      }),
    } as Window;
    expect(getConnection("a", n, Math.random).netType).toBe("unknown");
  });

  it("answers a fresh 32-character alphanumeric msgid and echoes the appid", () => {
    const a = getConnection("300011", undefined, Math.random);
    const b = getConnection("300011", undefined, Math.random);
    expect(a.appid).toBe("300011");
    expect(a.msgid).toMatch(/^[0-9A-V]{32}$/);
    expect(a.msgid).not.toBe(b.msgid);
  });

  it("covers the whole alphabet boundary without overflow", () => {
    expect(getConnection("x", undefined, () => 0).msgid).toBe("0".repeat(32));
    // The official SDK's msgid alphabet is 0-9A-V (the first 32 of 0-9A-Za-z).
    expect(getConnection("x", undefined, () => 0.9999999).msgid).toBe("V".repeat(32));
  });

  it("through YDRZAuthLogin: synchronous and without any request", () => {
    const { sdk, transport } = setup(() => {
      throw new Error("no request expected");
    });
    Object.defineProperty(window.navigator, "connection", {
      value: { type: "wifi" },
      configurable: true,
    });
    try {
      const c = sdk.getConnection("300011");
      expect(c).toEqual({
        appid: "300011",
        msgid: expect.stringMatching(/^[0-9A-V]{32}$/),
        netType: "wifi",
      });
      expect(transport.calls).toHaveLength(0);
    } finally {
      delete (window.navigator as { connection?: unknown }).connection;
    }
  });
});
