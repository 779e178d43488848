// The error taxonomy: every code the SDK or the emulator knows has a row, docs/errors.md lists
// every row, and describeError reads both payload shapes.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import * as codes from "../../../src/protocol/codes";
import {
  codeInfo,
  describeError,
  isRetryable,
  NUMBER_FETCH_CODES,
  SDK_CODES,
  TOKEN_REQUEST_CODES,
} from "../../../src/sdk/taxonomy";

const sdkConstants = Object.values(codes).filter(
  (v): v is { code: string; message: string } => typeof v === "object" && "code" in v,
);

describe("the code tables", () => {
  it("have a row for every code the SDK produces", () => {
    expect(sdkConstants.length).toBeGreaterThan(10);
    for (const { code } of sdkConstants) expect(SDK_CODES[code], code).toBeDefined();
  });

  it("have a row for every gateway code the emulator answers", () => {
    for (const code of Object.keys(codes.CM_FETCH_CODES)) {
      if (code === codes.OK) continue;
      expect(NUMBER_FETCH_CODES[code], code).toBeDefined();
    }
    for (const code of Object.keys(codes.TOKEN_CODES)) {
      expect(TOKEN_REQUEST_CODES[code] || SDK_CODES[code], code).toBeDefined();
    }
  });

  it("are all in docs/errors.md with their kind", () => {
    const doc = readFileSync("docs/errors.md", "utf8");
    for (const row of [SDK_CODES, NUMBER_FETCH_CODES, TOKEN_REQUEST_CODES].flatMap(Object.values))
      expect(doc, row.code).toContain(`| ${row.code} | \`${row.kind}\` |`);
  });

  it("mark the SDK's codes as the SDK's and the gateway's as the gateway's", () => {
    expect(codeInfo("507").origin).toBe("sdk");
    expect(codeInfo("170001").origin).toBe("gateway");
    expect(codeInfo("999999")).toMatchObject({ kind: "unknown", retryable: false, sms: true });
  });
});

describe("describeError", () => {
  const fail = (cm: string, ct: string, cu: string) => ({
    msgId: "m",
    YDData: { code: cm, message: "" },
    CTData: { code: ct, message: "" },
    CUData: { code: cu, message: "" },
  });

  it("explains a fetch failure by China Mobile's result", () => {
    expect(describeError(fail("103134", "500", "500"))).toMatchObject({
      kind: "not-cellular",
      carrier: "CM",
      stage: "number",
      sms: true,
    });
  });

  it("explains it by Telecom's (Unicom's) result when the other was skipped", () => {
    expect(describeError(fail("105002", "500", "105001"))).toMatchObject({
      kind: "network",
      carrier: "CT",
      retryable: true,
    });
    expect(describeError(fail("105002", "105003", "502"))).toMatchObject({
      kind: "other-carrier-off",
      carrier: "CU",
    });
  });

  it("tells an ended call from a missing parameter (both 503)", () => {
    expect(describeError({ ...codes.ENDED, msgId: "m" }).kind).toBe("ended");
    expect(describeError({ ...codes.MISSING_PARAM, msgId: "m", field: "sign" }).kind).toBe(
      "missing-param",
    );
  });

  it("says what can be retried", () => {
    expect(isRetryable({ ...codes.NETWORK, msgId: "m" })).toBe(true);
    expect(isRetryable({ ...codes.BUSY, msgId: "m" })).toBe(true);
    expect(isRetryable({ code: "104009", message: "", msgId: "m" })).toBe(false);
    expect(isRetryable({ ...codes.CANCELLED, msgId: "m" })).toBe(false);
  });
});
