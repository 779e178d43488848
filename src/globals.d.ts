declare const __VERSION__: string;

/** CSS run through PostCSS and inlined as a string (rollup plugin in scripts/, Vite in tests). */
declare module "*.css?inline" {
  const css: string;
  export default css;
}
