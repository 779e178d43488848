/**
 * Small node:http helpers for the demo site: bounded JSON bodies, JSON answers, static files.
 * Kept separate so that the routes in app.ts read as the integrator's backend, not as plumbing.
 */
import { createReadStream, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname } from "node:path";

/** Integrator APIs take a token and a fingerprint; anything near this size is not a real call. */
export const MAX_BODY_BYTES = 16 * 1024;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
    "Cache-Control": "no-store",
  });
  res.end(text);
}

export function sendError(res: ServerResponse, err: HttpError): void {
  sendJson(res, err.status, { error: err.code, message: err.message });
}

/**
 * Reads a JSON object body. Rejects early on Content-Length so that a large upload is not read at
 * all, and again while streaming because Content-Length may be absent (chunked) or lie.
 */
export function readJsonObject(
  req: IncomingMessage,
  limit = MAX_BODY_BYTES,
): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      reject(new HttpError(413, "body_too_large", `request body over ${limit} bytes`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on("data", (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(new HttpError(413, "body_too_large", `request body over ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on("error", (e) => {
      if (!failed) {
        failed = true;
        reject(new HttpError(400, "bad_request", `request body could not be read: ${e.message}`));
      }
    });
    req.on("end", () => {
      if (failed) return;
      const text = Buffer.concat(chunks).toString("utf8");
      if (text.trim() === "") {
        resolve({});
        return;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        reject(new HttpError(400, "invalid_json", "request body is not valid JSON"));
        return;
      }
      if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
        reject(new HttpError(400, "invalid_json", "request body must be a JSON object"));
        return;
      }
      resolve(parsed as Record<string, unknown>);
    });
  });
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".map": "application/json; charset=utf-8",
};

export function contentType(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
}

/** Streams a file; false when it does not exist (the caller answers 404 with its own hint). */
export function sendFile(req: IncomingMessage, res: ServerResponse, file: string): boolean {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) return false;
    size = st.size;
  } catch {
    return false;
  }
  res.writeHead(200, {
    "Content-Type": contentType(file),
    "Content-Length": size,
    // The demo is for editing and rebuilding: never serve a stale bundle.
    "Cache-Control": "no-cache",
  });
  if (req.method === "HEAD") {
    res.end();
    return true;
  }
  createReadStream(file)
    .on("error", () => res.destroy())
    .pipe(res);
  return true;
}

/** A text answer for sendText. */
export type TextAnswer = {
  /** The HTTP status code. */
  status: number;
  /** The Content-Type header, charset included. */
  type: string;
  /** The body; its length is sent even when the body is not (HEAD). */
  text: string;
  /** True for a HEAD request: the headers only. */
  head?: boolean;
};

export function sendText(
  res: ServerResponse,
  { status, type, text, head = false }: TextAnswer,
): void {
  res.writeHead(status, {
    "Content-Type": type,
    "Content-Length": Buffer.byteLength(text),
    "Cache-Control": "no-cache",
  });
  res.end(head ? undefined : text);
}
