/**
 * Bundles a TypeScript entry for the browser with rollup's JS API, for tests that need code
 * the built UMD does not expose (e.g. the views on their own). TypeScript is transpiled per file
 * (no type-check: `tsc` does that); `*.css?inline` imports become a string: the raw file by
 * default, or whatever `compileCss` makes of it (e.g. the build's PostCSS pipeline).
 */
import { readFile } from "node:fs/promises";
import { rollup, type Plugin } from "rollup";
import { nodeResolve } from "@rollup/plugin-node-resolve";
import ts from "typescript";
import { inlineCss } from "../../../scripts/rollup-plugins.mjs";

function transpileTs(): Plugin {
  return {
    name: "test-transpile-ts",
    transform(code, id) {
      if (!id.endsWith(".ts")) return null;
      const out = ts.transpileModule(code, {
        fileName: id,
        compilerOptions: {
          target: ts.ScriptTarget.ES2019,
          module: ts.ModuleKind.ESNext,
          sourceMap: false,
          verbatimModuleSyntax: false,
        },
      });
      return { code: out.outputText, map: null };
    },
  };
}

export type CssCompiler = (file: string) => Promise<string>;

const readRaw: CssCompiler = (file) => readFile(file, "utf8");

/**
 * Returns an IIFE bundle of `entry` (an absolute path) as a string. `compileCss` turns a CSS file
 * into the string `?inline` imports get (default: the file as it is; pass the build's PostCSS
 * pipeline to test the CSS that ships).
 */
export async function bundleForBrowser(
  entry: string,
  defines: Record<string, string> = {},
  compileCss: CssCompiler = readRaw,
): Promise<string> {
  const build = await rollup({
    input: entry,
    plugins: [
      inlineCss(compileCss),
      nodeResolve({ browser: true, extensions: [".ts", ".mjs", ".js"] }),
      transpileTs(),
      {
        name: "test-defines",
        transform(code) {
          let out = code;
          for (const [k, v] of Object.entries(defines)) out = out.split(k).join(v);
          return out === code ? null : { code: out, map: null };
        },
      },
    ],
    onwarn() {},
  });
  const { output } = await build.generate({ format: "iife", name: "__testBundle" });
  await build.close();
  return output[0].code;
}
