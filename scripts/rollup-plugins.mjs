// Two small rollup plugins of our own: the package version as a constant, and CSS compiled
// through PostCSS and imported as a string (`import css from "./x.css?inline"`).
import { readFile } from "node:fs/promises";
import postcss from "postcss";
import autoprefixer from "autoprefixer";
import cssnano from "cssnano";

// Prefixes for browserslist's defaults less Opera Mini and KaiOS: neither can run the ES2019 bundle
// that draws these views, so their prefixes (-o-object-fit, -moz-appearance, ...) were dead bytes.
export const CSS_BROWSERS = ["defaults", "not op_mini all", "not kaios > 0"];

// Declarations keep the source's order: rules written alike (same properties, same order) repeat
// as whole runs that gzip shares; sorted alphabetically they interleave differently per rule
// (about 45 B gzip more).
export const cssProcessor = postcss([
  autoprefixer({ overrideBrowserslist: CSS_BROWSERS }),
  cssnano({ preset: ["default", { cssDeclarationSorter: false }] }),
]);

export async function compileCss(file) {
  const source = await readFile(file, "utf8");
  const result = await cssProcessor.process(source, { from: file });
  return result.css;
}

/** Every selector starts with the scope; `inlineCss` ships it once (see there). */
const SCOPE = ".ydrz-root";
const MARK = "~";

/**
 * The module source of a compiled sheet: a string literal with the scope written as one
 * character and put back at load (about 50 B gzip less than ~120 copies of it), or the plain
 * literal when the sheet itself uses that character.
 */
export function cssModule(css) {
  return css.includes(MARK)
    ? `export default ${JSON.stringify(css)};`
    : `export default /*#__PURE__*/ ${JSON.stringify(css.split(SCOPE).join(MARK))}.replace(/${MARK}/g, ${JSON.stringify(SCOPE)});`;
}

/** `import css from "./x.css?inline"`: the file through `compile` (the build's PostCSS pipeline). */
export function inlineCss(compile = compileCss) {
  const suffix = "?inline";
  return {
    name: "ydrz-inline-css",
    async resolveId(id, importer) {
      if (!id.endsWith(".css" + suffix)) return null;
      const resolved = await this.resolve(id.slice(0, -suffix.length), importer, {
        skipSelf: true,
      });
      return resolved && "\0inline-css:" + resolved.id;
    },
    async load(id) {
      if (!id.startsWith("\0inline-css:")) return null;
      const file = id.slice("\0inline-css:".length);
      this.addWatchFile(file);
      return cssModule(await compile(file));
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

/**
 * `import … from source` in `importer` becomes a require of the built `entry` (a file of dist),
 * so that a second bundle reuses an entry instead of inlining a copy of it.
 */
export function importEntry({ importer, source, entry }) {
  return {
    name: "ydrz-import-entry",
    resolveId(id, from) {
      if (id !== source || from !== importer) return null;
      return { id: entry, external: true };
    },
  };
}
