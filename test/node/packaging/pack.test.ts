// The package as npm users meet it: lint of package.json/exports, type resolution in every
// module mode, and the packed tarball installed into a throwaway project.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { publint } from "publint";

const root = resolve(__dirname, "../../..");
const npm = (args: string[], cwd: string) =>
  execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

let work: string;
let tarball: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "ydrz-pack-"));
  const packed = JSON.parse(npm(["pack", "--json", "--pack-destination", work], root));
  tarball = join(work, packed[0].filename);
  const app = join(work, "app");
  execFileSync("mkdir", ["-p", app]);
  writeFileSync(
    join(app, "package.json"),
    JSON.stringify({ name: "consumer", private: true, version: "1.0.0" }),
  );
  npm(["install", "--no-audit", "--no-fund", "--prefer-offline", tarball], app);
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const inApp = (args: string[]) =>
  execFileSync(process.execPath, args, { cwd: join(work, "app"), encoding: "utf8" }).trim();

// npm pack, npm install and attw each take seconds, more on a loaded machine.
describe("packaging", { timeout: 90_000 }, () => {
  it("passes publint with no errors or warnings", async () => {
    const { messages } = await publint({ pkgDir: root, strict: true });
    expect(messages.filter((m) => m.type !== "suggestion")).toEqual([]);
  });

  it("has correct types for every entry in every module resolution (are-the-types-wrong)", () => {
    // Every profile, node10 included (typesVersions maps the subpaths there), every entry.
    const bin = join(root, "node_modules", ".bin", "attw");
    // attw exits with 1 when it finds a problem: read its report either way.
    const run = spawnSync(bin, [tarball, "--format", "json"], { encoding: "utf8" });
    const report = JSON.parse(run.stdout);
    // One finding is expected and left: Node's ESM loader sees the <script> build (an IIFE that
    // assigns module.exports) as a default export only, while TypeScript also offers its methods
    // as named imports. Making them visible to Node would cost UMD bytes; modules import the
    // package root, and the README says so.
    const problems = Object.values(report.problems ?? {})
      .flat()
      .filter((p: any) => !(p.kind === "NamedExports" && p.typesFileName.endsWith(".umd.d.ts")));
    expect(problems).toEqual([]);
  });

  it("ships only dist, README, CHANGELOG, LICENSE and package.json", () => {
    const files = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).trim().split("\n");
    expect(
      files.every((f) =>
        /^package\/(dist\/|(README|CHANGELOG)\.md$|package\.json$|LICENSE$)/.test(f),
      ),
    ).toBe(true);
    expect(files).toContain("package/dist/ydrz-jssdk.umd.js");
    expect(files).toContain("package/dist/style.css");
    expect(files).toContain("package/LICENSE");
    expect(files).toContain("package/CHANGELOG.md");
  });

  it("imports the browser ESM entry in Node without touching window (SSR-safe)", () => {
    const out = inApp([
      "--input-type=module",
      "-e",
      `import { YDRZAuthLogin } from "ydrz-jssdk"; console.log(typeof window, typeof YDRZAuthLogin.getTokenInfo, YDRZAuthLogin.version)`,
    ]);
    const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    expect(out).toBe(`undefined function ${version}`);
  });

  it("exposes the server helpers to require and import", () => {
    const cjs = inApp([
      "-e",
      `const s = require("ydrz-jssdk/server"); console.log(Object.keys(s).length > 0)`,
    ]);
    const esm = inApp([
      "--input-type=module",
      "-e",
      `import * as s from "ydrz-jssdk/server"; console.log(Object.keys(s).length > 0)`,
    ]);
    expect([cjs, esm]).toEqual(["true", "true"]);
  });

  it("runs the emulator bin", async () => {
    const bin = join(work, "app", "node_modules", ".bin", "ydrz-emulator");
    const help = execFileSync(bin, ["--help"], { encoding: "utf8" });
    expect(help).toMatch(/--port/);
    const child = spawn(bin, ["--port", "0", "--host", "127.0.0.1"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const url = await new Promise<string>((res, rej) => {
        let seen = "";
        child.stdout.on("data", (d) => {
          seen += d;
          const m = /http:\/\/127\.0\.0\.1:\d+/.exec(seen);
          if (m) res(m[0]);
        });
        child.on("exit", (code) => rej(new Error(`emulator exited ${code}: ${seen}`)));
      });
      const res = await fetch(url + "/h5/httpsPreGetmobile", { method: "POST", body: "{}" });
      const body = await res.json();
      expect(body.body.resultCode).toBe("130010");
    } finally {
      child.kill();
    }
  });
});
