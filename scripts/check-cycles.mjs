// `npm run lint` (part of `npm test`): fails when modules under src/ import each other in a
// cycle. Type-only imports count too: a cycle through types still ties two modules together for
// the next reader. Imports are read and resolved by TypeScript itself, as the build sees them.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = fileURLToPath(new URL("..", import.meta.url));
const compilerOptions = {
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  module: ts.ModuleKind.ESNext,
  allowJs: false,
};

/** Every .ts file under `dir`, declarations left out. */
function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.ts$/.test(entry.name) && !/\.d\.ts$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The files under src/ that `file` imports (statically or through `import()`). */
function importsOf(file, known) {
  const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  const targets = [];
  for (const { fileName } of info.importedFiles) {
    const resolved = ts.resolveModuleName(fileName, file, compilerOptions, ts.sys);
    const target = resolved.resolvedModule && resolved.resolvedModule.resolvedFileName;
    if (target && known.has(target)) targets.push(target);
  }
  return targets;
}

/** Strongly connected components of more than one module (or a module importing itself). */
function findCycles(graph) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  let counter = 0;

  function visit(node) {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node), index.get(next)));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    const selfImport = graph.get(node).includes(node);
    if (component.length > 1 || selfImport) cycles.push(component);
  }

  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

const files = sourceFiles(join(root, "src"));
const known = new Set(files);
const graph = new Map(files.map((file) => [file, importsOf(file, known)]));
const cycles = findCycles(graph);

if (cycles.length > 0) {
  for (const cycle of cycles) {
    const names = cycle.map((file) => relative(root, file)).sort();
    console.error("import cycle: " + names.join(" <-> "));
  }
  process.exit(1);
}
console.log(`check-cycles: ${files.length} modules under src/, no import cycle`);
