/**
 * The images the official popup loads from `/h5/js/jssdk_auth/image/` (docs/protocol.md
 * "Images"), as the emulator's own drawings: a close cross, a backspace key and a loading ring,
 * drawn here as anti-aliased strokes and encoded as small RGBA PNGs on first use.
 */
import { deflateSync } from "node:zlib";
import { SDK_IMAGE_DIR, type SdkImageName } from "../protocol/hosted-page";

/** A straight stroke from (x1, y1) to (x2, y2) in pixel coordinates. */
interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** One drawing: its size, its colour and how much of a pixel centre it covers (0..1). */
interface Drawing {
  width: number;
  height: number;
  /** Red, green, blue, 0..255. */
  rgb: readonly [number, number, number];
  coverage: (x: number, y: number) => number;
}

function distanceToSegment(x: number, y: number, s: Segment): number {
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  const lengthSquared = dx * dx + dy * dy;
  const along = lengthSquared === 0 ? 0 : ((x - s.x1) * dx + (y - s.y1) * dy) / lengthSquared;
  const t = Math.min(1, Math.max(0, along));
  return Math.hypot(x - (s.x1 + t * dx), y - (s.y1 + t * dy));
}

/** Coverage of a line of `width` pixels at distance `d` from its centre, with a 1 px soft edge. */
function strokeCoverage(d: number, width: number): number {
  return Math.min(1, Math.max(0, width / 2 + 0.5 - d));
}

function strokes(segments: readonly Segment[], width: number): Drawing["coverage"] {
  return (x, y) => {
    const nearest = Math.min(...segments.map((s) => distanceToSegment(x, y, s)));
    return strokeCoverage(nearest, width);
  };
}

const CLOSE: Drawing = {
  width: 32,
  height: 32,
  rgb: [153, 153, 153],
  coverage: strokes(
    [
      { x1: 8, y1: 8, x2: 24, y2: 24 },
      { x1: 24, y1: 8, x2: 8, y2: 24 },
    ],
    2.5,
  ),
};

/** A key cap pointing left with a cross in it. */
const BACKSPACE: Drawing = {
  width: 48,
  height: 32,
  rgb: [51, 51, 51],
  coverage: strokes(
    [
      { x1: 4, y1: 16, x2: 14, y2: 6 },
      { x1: 14, y1: 6, x2: 44, y2: 6 },
      { x1: 44, y1: 6, x2: 44, y2: 26 },
      { x1: 44, y1: 26, x2: 14, y2: 26 },
      { x1: 14, y1: 26, x2: 4, y2: 16 },
      { x1: 23, y1: 11, x2: 33, y2: 21 },
      { x1: 33, y1: 11, x2: 23, y2: 21 },
    ],
    2,
  ),
};

/** A ring that fades in clockwise, so that turning it reads as a spinner. */
const LOADING: Drawing = {
  width: 48,
  height: 48,
  rgb: [255, 255, 255],
  coverage: (x, y) => {
    const dx = x - 24;
    const dy = y - 24;
    const ring = strokeCoverage(Math.abs(Math.hypot(dx, dy) - 17), 4);
    const turn = (Math.atan2(dy, dx) + Math.PI) / (2 * Math.PI);
    return ring * (0.15 + 0.85 * turn);
  },
};

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** An 8-bit RGBA PNG of the drawing, sampled at pixel centres. */
export function encodePng(drawing: Drawing): Buffer {
  const { width, height, rgb } = drawing;
  const rowBytes = 1 + width * 4;
  const pixels = Buffer.alloc(rowBytes * height);
  for (let y = 0; y < height; y++) {
    // Each row starts with filter type 0 (none).
    for (let x = 0; x < width; x++) {
      const at = y * rowBytes + 1 + x * 4;
      pixels[at] = rgb[0];
      pixels[at + 1] = rgb[1];
      pixels[at + 2] = rgb[2];
      pixels[at + 3] = Math.round(255 * drawing.coverage(x + 0.5, y + 0.5));
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  // Bit depth 8, colour type 6 (RGBA), deflate, no filter method variants, no interlace.
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(pixels)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const DRAWINGS: Record<SdkImageName, Drawing> = {
  "closeIcon.png": CLOSE,
  "del.png": BACKSPACE,
  "loading.png": LOADING,
};

const encoded = new Map<string, Buffer>();

/** The PNG served at `path`, or undefined when the path is not one of the popup's images. */
export function sdkImage(path: string): Buffer | undefined {
  if (!path.startsWith(SDK_IMAGE_DIR)) return undefined;
  const name = path.slice(SDK_IMAGE_DIR.length);
  const drawing = (DRAWINGS as Record<string, Drawing | undefined>)[name];
  if (!drawing) return undefined;
  let png = encoded.get(name);
  if (!png) {
    png = encodePng(drawing);
    encoded.set(name, png);
  }
  return png;
}
