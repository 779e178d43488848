// The UMD config of rollup.config.mjs, built in memory through rollup's JS API (used by the bytes
// group and by the profile of time-to-view). The config's TypeScript plugin type-checks the
// whole program on every build (slow on a busy 2-core machine); the bench only needs its output,
// and with `isolatedModules` the JS of `transpileModule` is the same: a transpile-only plugin
// takes its place.
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import ts from "typescript";
import { loadConfigFile } from "rollup/loadConfigFile";
import { rollup } from "rollup";

export function transpileOnly(root) {
  const file = resolve(root, "tsconfig.browser.json");
  const read = ts.readConfigFile(file, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, root);
  const compilerOptions = {
    ...parsed.options,
    noEmit: false,
    declaration: false,
    sourceMap: true,
    inlineSourceMap: false,
    inlineSources: false,
    module: ts.ModuleKind.ESNext,
  };
  return {
    name: "bench-ts-transpile",
    resolveId(source, importer) {
      if (!importer || !/\.tsx?$/.test(importer) || !source.startsWith(".")) return null;
      const base = resolve(dirname(importer), source);
      for (const c of [base + ".ts", base + "/index.ts", base])
        if (c.endsWith(".ts") && existsSync(c)) return c;
      return null;
    },
    transform(code, id) {
      if (!/\.tsx?$/.test(id)) return null;
      const out = ts.transpileModule(code, { compilerOptions, fileName: id });
      return {
        code: out.outputText.replace(/\n\/\/# sourceMappingURL=.*$/, ""),
        map: out.sourceMapText ? JSON.parse(out.sourceMapText) : null,
      };
    },
  };
}

export async function loadUmdConfig(root) {
  const { options, warnings } = await loadConfigFile(
    resolve(root, "rollup.config.mjs"),
    undefined,
    true,
  );
  warnings.flush?.();
  const config = options.find(
    (o) =>
      String(o.input) === "src/umd.ts" ||
      (Array.isArray(o.input) && o.input.includes("src/umd.ts")),
  );
  if (!config) throw new Error("rollup.config.mjs has no config with input src/umd.ts");
  const plugins = config.plugins.map((p) =>
    p && p.name === "typescript" ? transpileOnly(root) : p,
  );
  return { ...config, plugins };
}

/** `{ chunk, cache }` of one in-memory build of the UMD config. */
export async function buildUmd(config, { sourcemap = false } = {}) {
  const bundle = await rollup({ ...config, cache: true, onwarn: () => {} });
  try {
    const { output } = await bundle.generate({ ...config.output[0], sourcemap });
    const chunk = output.find((o) => o.type === "chunk" && o.isEntry);
    // Sizes and the profile page want the file as shipped: no sourceMappingURL comment.
    const code = chunk.code.replace(/\n?\/\/# sourceMappingURL=\S*\s*$/, "");
    return {
      chunk: { ...chunk, code, modules: chunk.modules, map: chunk.map },
      cache: bundle.cache,
    };
  } finally {
    await bundle.close();
  }
}

/** The source-mapped in-memory UMD build, once per bench run (bytes and time-to-view share it). */
export function sharedUmdBuild(ctx) {
  return ctx.memo("umd-build", async () => {
    const config = await loadUmdConfig(ctx.root);
    return { config, ...(await buildUmd(config, { sourcemap: true })) };
  });
}
