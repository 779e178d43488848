// What a reader of the npm page and of the shipped types meets: no link that breaks off GitHub,
// no citation of documents that do not ship.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(__dirname, "../../..");
const read = (file: string) => readFileSync(join(root, file), "utf8");

describe("the public texts", () => {
  it("README links and images are absolute or in-page (npm renders no relative link)", () => {
    const targets = [...read("README.md").matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThan(10);
    expect(targets.filter((t) => !/^(https:\/\/|#)/.test(t))).toEqual([]);
  });

  it("README's in-page links point at headings that exist", () => {
    const readme = read("README.md");
    const slugs = [...readme.matchAll(/^#+ (.+)$/gm)].map((m) =>
      m[1]
        .toLowerCase()
        .replace(/[^\p{L}\p{N} -]/gu, "")
        .replace(/ /g, "-"),
    );
    const anchors = [...readme.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]);
    for (const anchor of anchors) expect(slugs, anchor).toContain(anchor);
  });

  it("cite no seed document or unshipped spec", () => {
    const files = [
      "README.md",
      "CHANGELOG.md",
      "docs/api.md",
      "docs/errors.md",
      "dist/index.d.mts",
      "dist/server.d.mts",
      "dist/ydrz-jssdk.umd.d.ts",
      ...readdirSync(join(root, "demo", "pages"))
        .filter((f) => f.endsWith(".html"))
        .map((f) => `demo/pages/${f}`),
    ];
    for (const file of files)
      expect(read(file), file).not.toMatch(/seed \d{3}|shared\/spec|wire-protocol\.md/i);
  });
});
