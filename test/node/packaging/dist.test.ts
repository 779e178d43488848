// The built files as their users meet them: the <script> build under an AMD loader and under
// require(), the emulator's bin, and what a bundler keeps of the module for one constant.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";
import { rollup } from "rollup";
import terser from "@rollup/plugin-terser";

const root = resolve(__dirname, "../../..");
const dist = (file: string) => join(root, "dist", file);
const version = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version;

describe("the <script> build", () => {
  const umd = readFileSync(dist("ydrz-jssdk.umd.js"), "utf8");

  it("sets the global on a page with an AMD loader, and defines no anonymous module", () => {
    const defined: unknown[] = [];
    const define = Object.assign((...args: unknown[]) => defined.push(args), { amd: {} });
    const page: Record<string, unknown> = { define };
    page.window = page;
    runInNewContext(umd, page);
    const login = page.YDRZAuthLogin as { version: string; getTokenInfo: unknown };
    expect(login.version).toBe(version);
    expect(typeof login.getTokenInfo).toBe("function");
    expect(defined).toEqual([]);
  });

  it("is the module's value under require()", () => {
    const login = createRequire(__filename)(dist("ydrz-jssdk.umd.js"));
    expect(login.version).toBe(version);
    expect(typeof login.getConnection).toBe("function");
  });
});

describe("the emulator's bin", () => {
  it("requires the emulator entry instead of carrying a copy of it", () => {
    const bin = readFileSync(dist("ydrz-emulator.cjs"), "utf8");
    expect(bin).toMatch(/require\(["']\.\/emulator\.cjs["']\)/);
    expect(statSync(dist("ydrz-emulator.cjs")).size).toBeLessThan(10 * 1024);
    const chunks = readdirSync(join(root, "dist", "chunks"));
    // The only shared chunk is the one between the server helpers and the emulator entries.
    expect(chunks.every((name) => name.startsWith("token-validate-"))).toBe(true);
  });
});

describe("tree shaking of the npm module", () => {
  // One constant from the entry must not pull the SDK, its views or its CSS along. Rolldown is
  // the bundler of Vite 8, which keeps top-level calls unless they are annotated pure.
  async function bundledGzip(bundler: "rollup" | "rolldown"): Promise<number> {
    const work = mkdtempSync(join(tmpdir(), "ydrz-shake-"));
    try {
      const entry = join(work, "entry.mjs");
      const source = `import { PRODUCTION_HOSTS } from ${JSON.stringify(dist("index.mjs"))};\n`;
      writeFileSync(entry, source + "console.log(PRODUCTION_HOSTS.cm);\n");
      if (bundler === "rollup") {
        const bundle = await rollup({ input: entry, onwarn: () => {} });
        const { output } = await bundle.generate({ format: "es", plugins: [terser()] });
        await bundle.close();
        return gzipSync(output[0].code).length;
      }
      const { build } = await import("vite");
      const result = await build({
        root: work,
        logLevel: "silent",
        configFile: false,
        build: { write: false, lib: { entry, formats: ["es"], fileName: "out" }, minify: true },
      });
      const outputs = Array.isArray(result) ? result : [result];
      const chunk = (outputs[0] as { output: { code?: string }[] }).output[0];
      return gzipSync(chunk.code ?? "").length;
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }

  it.each(["rollup", "rolldown"] as const)("keeps one constant under 1 KB gzip (%s)", async (b) => {
    expect(await bundledGzip(b)).toBeLessThan(1024);
  });
});
