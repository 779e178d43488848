// Size budgets of what a page downloads (issue 6): asserted here, measured in detail by the bench.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { measure } from "../../../scripts/sizes.mjs";

// The budget for everything a <script> page downloads (JS, crypto and CSS in one file), new
// features included: readable source and the features still to come fit under it, and no change
// grows the bundle unnoticed. `npm run bench` shows where the bytes go.
export const BUDGET_UMD_GZIP = 17.5 * 1024;

describe("size budget", () => {
  it("is the one the README quotes (after nanostores: the documented size cannot drift)", () => {
    const readme = readFileSync("README.md", "utf8");
    const quoted = /size budget asserted by `npm test`: UMD ≤ ([\d.]+) KB gzip/.exec(readme);
    expect(quoted, "README.md must quote the size budget").not.toBeNull();
    expect(Number(quoted![1]) * 1024).toBe(BUDGET_UMD_GZIP);
  });

  const sizes = measure();

  it(`keeps the UMD (JS + crypto + CSS) within ${BUDGET_UMD_GZIP / 1024} KB gzip`, () => {
    expect(sizes["dist/ydrz-jssdk.umd.js"].gzip).toBeLessThanOrEqual(BUDGET_UMD_GZIP);
  });

  it("carries its own MD5 and AES, not crypto-js", () => {
    const umd = readFileSync("dist/ydrz-jssdk.umd.js", "utf8");
    // Markers of crypto-js's class layers (WordArray, the hasher and cipher bases).
    for (const marker of [
      "WordArray",
      "BufferedBlockAlgorithm",
      "_doProcessBlock",
      "SHA3",
      "Rabbit",
    ])
      expect(umd).not.toContain(marker);
  });
});
