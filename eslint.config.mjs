// ESLint: typescript-eslint's type-checked rules plus the house rules of docs/architecture.md.
// `npm run lint` runs it (with Prettier's check) and `npm test` runs `npm run lint`.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

const NODE_BUILTINS = ["fs", "path", "http", "https", "crypto", "url", "os", "net", "stream"];

/** What the browser side (src/sdk, src/views) and src/protocol may not reach. */
const NO_NODE = "Browser code runs without Node: no node:* import.";
const browserPaths = NODE_BUILTINS.map((name) => ({ name, message: NO_NODE }));
const browserSide = [
  { group: ["node:*"], message: NO_NODE },
  {
    group: ["**/server", "**/server/*", "**/emulator", "**/emulator/*"],
    message: "The browser SDK never imports the Node helpers or the emulator.",
  },
];

export default tseslint.config(
  {
    // Consumers of the built package, checked by test/node/packaging (types.test.ts,
    // consumers.test.ts) against the package as installed.
    ignores: [
      "dist/",
      "node_modules/",
      "test-results/",
      "bench/results/",
      "coverage/",
      "test/types/",
      "test/fixtures/consumers/",
    ],
  },
  js.configs.recommended,
  {
    // Plain JavaScript (bench, scripts, configs): the rules that need no types.
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ["**/*.{ts,mts,cts}"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    // Tests read untyped JSON answers and build hostile, deliberately ill-typed inputs: the
    // no-unsafe-* family would flag every assertion on a parsed body. The rest applies as in src.
    files: ["test/**", "bench/**"],
    rules: {
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
  {
    // The readability rules of the house, everywhere.
    rules: {
      eqeqeq: ["error", "always"],
      "no-nested-ternary": "error",
      "no-sequences": "error",
      "no-void": "error",
      "max-params": ["error", 4],
    },
  },
  {
    // Prettier keeps code under 100 columns; this keeps comments and strings there too.
    files: ["src/**"],
    rules: { "max-len": ["error", { code: 100 }] },
  },
  {
    files: ["src/sdk/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { paths: browserPaths, patterns: browserSide },
      ],
    },
  },
  {
    // The protocol's facts are shared by both sides, so they depend on neither.
    files: ["src/protocol/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: browserPaths,
          patterns: [
            ...browserSide,
            {
              group: ["**/sdk", "**/sdk/*", "**/views", "**/views/*"],
              message: "src/protocol depends on nothing but itself.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/views/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: browserPaths,
          patterns: [
            ...browserSide,
            {
              group: ["**/sdk", "**/sdk/*"],
              allowTypeImports: true,
              message: "The views never import SDK runtime code (types only).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/server/**", "src/emulator/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/sdk", "**/sdk/*", "**/views", "**/views/*"],
              message: "The Node side never imports the browser SDK or the views.",
            },
          ],
        },
      ],
    },
  },
);
