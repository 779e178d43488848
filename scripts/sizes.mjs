// Sizes of the files a page downloads, shared by the build, the size-budget test and the bench.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

export const SHIPPED = ["dist/ydrz-jssdk.umd.js", "dist/index.mjs", "dist/style.css"];

export function sizeOf(buffer) {
  return {
    min: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

export function measure(files = SHIPPED, root = process.cwd()) {
  return Object.fromEntries(files.map((f) => [f, sizeOf(readFileSync(resolve(root, f)))]));
}

export const formatBytes = (n) => (n / 1024).toFixed(2) + " KB";
