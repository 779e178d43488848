// CPU profiles (DevTools Profiler domain) mapped back to source modules through the source map
// of an in-memory UMD build: where the SDK's time goes, by file.

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const VALUE = Object.fromEntries([...B64].map((c, i) => [c, i]));

/**
 * Per generated line, the segments as [generatedColumn, sourceIndex, originalLine,
 * originalColumn] (source map v3 VLQ; original positions 0-based).
 */
export function decodeMappings(mappings) {
  const lines = [];
  let source = 0;
  let originalLine = 0;
  let originalColumn = 0;
  for (const line of mappings.split(";")) {
    const segs = [];
    let col = 0;
    for (const seg of line.split(",")) {
      if (!seg) continue;
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const ch of seg) {
        const d = VALUE[ch];
        value += (d & 31) << shift;
        if (d & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      col += fields[0];
      if (fields.length > 3) {
        source += fields[1];
        originalLine += fields[2];
        originalColumn += fields[3];
        segs.push([col, source, originalLine, originalColumn]);
      }
    }
    lines.push(segs);
  }
  return lines;
}

/** The segment that covers a generated position (0-based line and column), or undefined. */
function segmentAt(lines, line, column) {
  const segs = lines[line];
  if (!segs || !segs.length || segs[0][0] > column) return undefined;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid][0] <= column) lo = mid;
    else hi = mid - 1;
  }
  return segs[lo];
}

/** The source index of a generated position (0-based line and column), or -1. */
export function sourceAt(lines, line, column) {
  const seg = segmentAt(lines, line, column);
  return seg ? seg[1] : -1;
}

/** `{ source, line, column }` (source index, 0-based) of a generated position, or undefined. */
export function originalAt(lines, line, column) {
  const seg = segmentAt(lines, line, column);
  return seg ? { source: seg[1], line: seg[2], column: seg[3] } : undefined;
}

/**
 * Self time (ms) per bucket of a CPU profile: source file of the profiled script (through the
 * map), "(native) name" for a built-in, "(program)" (the browser's own work: style, layout,
 * paint, parsing), "(garbage collector)", other scripts. "(idle)" is left out.
 */
export function selfTimeBySource(profile, scriptUrl, map, name = (s) => s) {
  const lines = decodeMappings(map.mappings);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const bucket = new Map();
  const bucketOf = (node) => {
    if (bucket.has(node.id)) return bucket.get(node.id);
    const f = node.callFrame;
    let b;
    if (f.url === scriptUrl) {
      const i = sourceAt(lines, f.lineNumber, f.columnNumber);
      b = i >= 0 ? name(map.sources[i]) : "UMD (unmapped)";
    } else if (f.url) b = "other scripts (bench page)";
    // Built-ins by name (setProperty, getComputedStyle, …): which platform call costs the time.
    else
      b =
        f.functionName && f.functionName.startsWith("(")
          ? f.functionName
          : `(native) ${f.functionName || "anonymous"}`;
    bucket.set(node.id, b);
    return b;
  };
  const out = new Map();
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length - 1; i++) {
    const node = byId.get(samples[i]);
    if (!node) continue;
    const b = bucketOf(node);
    if (b === "(idle)" || b === "(root)") continue;
    out.set(b, (out.get(b) ?? 0) + timeDeltas[i + 1] / 1000);
  }
  return out;
}
