import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { md5Hex, newTimestamp, newTraceId, signGetTokenInfo } from "../../../src/server/index";

describe("signGetTokenInfo (seed 003 §3.2)", () => {
  const fields = {
    appId: "300011000001",
    traceId: "trace123",
    timestamp: "20261121130000123",
    version: "2.0",
  };
  const appKey = "a7d94bd19aa72cfc8f7067a59a53369e";

  it("is MD5(appId + businessType + msgId + timestamp + traceId + version + appKey), lowercase hex", () => {
    // Known answer, computed once from the hand-built string below.
    expect(signGetTokenInfo(fields, appKey)).toBe("f981f046c6ff5a7269f8630904735a3f");
    const handBuilt =
      "300011000001" + "8" + "trace123" + "20261121130000123" + "trace123" + "2.0" + appKey;
    expect(signGetTokenInfo(fields, appKey)).toBe(
      createHash("md5").update(handBuilt).digest("hex"),
    );
  });

  it("uses traceId as msgId and businessType 8 unless given", () => {
    const other = createHash("md5")
      .update("300011000001" + "9" + "trace123" + "20261121130000123" + "trace123" + "2.0" + appKey)
      .digest("hex");
    expect(signGetTokenInfo({ ...fields, businessType: "9" }, appKey)).toBe(other);
  });

  it("hashes UTF-8", () => {
    expect(md5Hex("中文")).toBe(
      createHash("md5").update(Buffer.from("中文", "utf8")).digest("hex"),
    );
    expect(md5Hex("")).toBe("d41d8cd98f00b204e9800998ecf8427e");
  });
});

describe("ids", () => {
  it("makes 32-hex traceIds that differ", () => {
    const a = newTraceId();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(newTraceId()).not.toBe(a);
  });

  it("formats 17-digit local timestamps", () => {
    expect(newTimestamp(new Date(2026, 0, 2, 3, 4, 5, 6))).toBe("20260102030405006");
    expect(newTimestamp(new Date(2026, 11, 31, 23, 59, 59, 999))).toBe("20261231235959999");
    expect(newTimestamp()).toMatch(/^\d{17}$/);
  });
});
