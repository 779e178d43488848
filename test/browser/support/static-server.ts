/**
 * A tiny static HTTP server on 127.0.0.1 (random port) for browser tests: files under `root`
 * plus in-memory routes (`server.route("/x.js", code, "text/javascript")`). Loopback only; no
 * directory listings; paths cannot leave `root`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import type { AddressInfo } from "node:net";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".cjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
};

export interface StaticServer {
  /** e.g. `http://127.0.0.1:41234` (no trailing slash). */
  url: string;
  /** Serves `body` at `path` (exact match, query ignored). */
  route(path: string, body: string | Buffer, type?: string): void;
  /** Paths requested so far, in order (to assert e.g. that painting made no requests). */
  requests: string[];
  close(): Promise<void>;
}

export async function startStaticServer(root?: string): Promise<StaticServer> {
  const routes = new Map<string, { body: string | Buffer; type: string }>();
  const requests: string[] = [];
  const base = root ? resolve(root) : undefined;
  const answer = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = decodeURIComponent((req.url || "/").split("?")[0]);
    requests.push(path);
    const hit = routes.get(path);
    if (hit) {
      res.writeHead(200, { "Content-Type": hit.type, "Cache-Control": "no-store" });
      res.end(hit.body);
      return;
    }
    if (base) {
      const file = normalize(join(base, path));
      if (file === base || file.startsWith(base + sep)) {
        try {
          const body = await readFile(file);
          res.writeHead(200, {
            "Content-Type": TYPES[extname(file)] || "application/octet-stream",
            "Cache-Control": "no-store",
          });
          res.end(body);
          return;
        } catch {
          /* fall through to 404 */
        }
      }
    }
    res.writeHead(404, { "Content-Type": "text/plain" });
    res.end("not found");
  };
  const server: Server = createServer((req, res) => {
    // A malformed path (a bad %-escape) answers 400 instead of crashing the test run.
    answer(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(400, { "Content-Type": "text/plain" });
      res.end("bad request");
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    route(path, body, type) {
      routes.set(path, { body, type: type || TYPES[extname(path)] || "text/plain; charset=utf-8" });
    },
    requests,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}
