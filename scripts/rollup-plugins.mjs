// Two small rollup plugins of our own: the package version as a constant, and CSS compiled
// through PostCSS and imported as a string (`import css from "./x.css?inline"`).
import { readFile } from "node:fs/promises";
import postcss from "postcss";
import autoprefixer from "autoprefixer";
import cssnano from "cssnano";

// Prefixes for browserslist's defaults less Opera Mini and KaiOS: neither can run the ES2019 bundle
// that draws these views, so their prefixes (-o-object-fit, -moz-appearance, ...) were dead bytes.
export const CSS_BROWSERS = ["defaults", "not op_mini all", "not kaios > 0"];

export const cssProcessor = postcss([autoprefixer({ overrideBrowserslist: CSS_BROWSERS }), cssnano({ preset: "default" })]);

export async function compileCss(file) {
  const source = await readFile(file, "utf8");
  const result = await cssProcessor.process(source, { from: file });
  return result.css;
}

/** `import css from "./x.css?inline"`: the file through `compile` (the build's PostCSS pipeline). */
export function inlineCss(compile = compileCss) {
  const suffix = "?inline";
  return {
    name: "ydrz-inline-css",
    async resolveId(id, importer) {
      if (!id.endsWith(".css" + suffix)) return null;
      const resolved = await this.resolve(id.slice(0, -suffix.length), importer, { skipSelf: true });
      return resolved && "\0inline-css:" + resolved.id;
    },
    async load(id) {
      if (!id.startsWith("\0inline-css:")) return null;
      const file = id.slice("\0inline-css:".length);
      this.addWatchFile(file);
      return `export default ${JSON.stringify(await compile(file))};`;
    },
  };
}

export function defineVersion(version) {
  return {
    name: "ydrz-version",
    transform(code) {
      if (!code.includes("__VERSION__")) return null;
      return { code: code.replace(/\b__VERSION__\b/g, JSON.stringify(version)), map: null };
    },
  };
}
