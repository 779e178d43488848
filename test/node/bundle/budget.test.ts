// Size budgets of what a page downloads (issue 6): asserted here, measured in detail by the bench.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { measure } from "../../../scripts/sizes.mjs";

export const BUDGET_UMD_GZIP = 12 * 1024;

describe("size budget", () => {
  const sizes = measure();

  it("keeps the UMD (JS + crypto + CSS) within 12 KB gzip", () => {
    expect(sizes["dist/ydrz-jssdk.umd.js"].gzip).toBeLessThanOrEqual(BUDGET_UMD_GZIP);
  });

  it("inlines only the crypto-js modules it needs", () => {
    const umd = readFileSync("dist/ydrz-jssdk.umd.js", "utf8");
    // Whole crypto-js carries SHA-3, RIPEMD and Rabbit; none of them may be in the bundle.
    for (const unused of ["SHA3", "RIPEMD160", "Rabbit", "TripleDES"]) expect(umd).not.toContain(unused);
  });
});
