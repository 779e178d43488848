// The type test: the consumers in test/types, type-checked as an integrator's project would see
// the package (node_modules/ydrz-jssdk), under strict + exactOptionalPropertyTypes, by the
// TypeScript of the repo, TypeScript 5.9 and TypeScript 7 (the native preview, `tsgo`). The
// fixtures prove that the README's examples compile and, with @ts-expect-error, that the typos
// do not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(__dirname, "../../..");
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "ydrz-types-"));
  writeFileSync(join(work, "package.json"), JSON.stringify({ name: "types", private: true }));
  // Both compilers from the registry (npm's cache makes a rerun quick), then the package itself.
  execFileSync(
    "npm",
    [
      "install",
      "--no-audit",
      "--no-fund",
      "--prefer-offline",
      "ts5@npm:typescript@5.9",
      "@typescript/native-preview@7.0.0-dev.20260707.2",
    ],
    { cwd: work, stdio: "ignore" },
  );
  mkdirSync(join(work, "node_modules", "@types"), { recursive: true });
  symlinkSync(root, join(work, "node_modules", "ydrz-jssdk"), "dir");
  symlinkSync(
    join(root, "node_modules", "@types", "node"),
    join(work, "node_modules", "@types", "node"),
    "dir",
  );
  cpSync(join(root, "test", "types"), work, { recursive: true });
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
}, 60_000);

const compilers = {
  "TypeScript of the repo": join(root, "node_modules", ".bin", "tsc"),
  "TypeScript 5.9": "node_modules/.bin/tsc",
  "TypeScript 7 (tsgo)": "node_modules/.bin/tsgo",
};

describe("the package's types in a strict consumer", { timeout: 120_000 }, () => {
  for (const [name, bin] of Object.entries(compilers)) {
    for (const project of ["tsconfig.json", "tsconfig.node.json"]) {
      it(`${name}: ${project} compiles with every expected error and no other`, () => {
        const run = spawnSync(bin, ["-p", project], { cwd: work, encoding: "utf8" });
        expect(run.stdout + run.stderr).toBe("");
        expect(run.status).toBe(0);
      });
    }
  }

  it("fails on a typo that no @ts-expect-error covers (the test can fail)", () => {
    const dir = join(work, "typo");
    mkdirSync(dir);
    const tsconfig = { compilerOptions: { strict: true, noEmit: true, module: "nodenext" } };
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ ...tsconfig, files: ["typo.ts"] }));
    writeFileSync(
      join(dir, "typo.ts"),
      `import type { TokenRequestData } from "ydrz-jssdk";\n` +
        `export const d: TokenRequestData = { version: "2.0", appId: "a", sign: "s", ` +
        `traceId: "t", timestamp: "1", authPagetype: "1" };\n`,
    );
    const tsc = compilers["TypeScript of the repo"];
    const run = spawnSync(tsc, ["-p", "."], { cwd: dir, encoding: "utf8" });
    expect(run.stdout).toContain("'authPagetype' does not exist in type 'TokenRequestData'");
    expect(run.status).not.toBe(0);
  });
});
