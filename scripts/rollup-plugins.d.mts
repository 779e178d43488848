import type { Plugin } from "rollup";

export const CSS_BROWSERS: string[];
/** The file through autoprefixer + cssnano: the CSS that ships. */
export function compileCss(file: string): Promise<string>;
/** The ES module that `?inline` imports of a compiled sheet load (default export: the sheet). */
export function cssModule(css: string): string;
export function inlineCss(compile?: (file: string) => Promise<string>): Plugin;
export function defineVersion(version: string): Plugin;
/** `import … from source` in `importer` becomes a require of the built `entry` (kept external). */
export function importEntry(options: { importer: string; source: string; entry: string }): Plugin;
