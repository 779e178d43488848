// Child process for the emulator-throughput group: `node throughput-server.mjs emulator|bare <root> [json]`.
// Prints one JSON line {url, origin?, bodies?} on stdout when listening; exits when stdin closes
// (the parent ends) or on SIGTERM. Loopback only.
import http from "node:http";
import { createRequire } from "node:module";
import { resolve } from "node:path";

const [kind, root, fixed] = process.argv.slice(2);
process.stdin.resume();
process.stdin.on("end", () => process.exit(0));
process.on("SIGTERM", () => process.exit(0));

if (kind === "bare") {
  const body = Buffer.from(fixed ?? '{"ok":true}');
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, {
        "Content-Type": "application/json;charset=UTF-8",
        "Content-Length": body.length,
        "Access-Control-Allow-Origin": "*",
      });
      res.end(body);
    });
  });
  server.listen(0, "127.0.0.1", () => {
    process.stdout.write(
      JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` }) + "\n",
    );
  });
} else {
  const require = createRequire(resolve(root, "package.json"));
  const { startEmulator } = require(resolve(root, "dist/emulator.cjs"));
  const helpers = require(resolve(root, "dist/server.cjs"));
  const origin = "http://127.0.0.1:9";
  const emu = await startEmulator({
    host: "127.0.0.1",
    port: 0,
    demoOrigin: origin,
    log: () => {},
  });
  const app = emu.state.registry.get("300011000001");
  // A pool of signed pre-fetch bodies, built here so that the client spends nothing on them.
  const bodies = Array.from({ length: 64 }, () => {
    const traceId = helpers.newTraceId();
    const timestamp = helpers.newTimestamp();
    const sign = helpers.signGetTokenInfo(
      { appId: app.appId, traceId, timestamp, version: "2.0", businessType: "8" },
      app.appKey,
    );
    return JSON.stringify({
      version: "2.0",
      timestamp,
      appId: app.appId,
      businessType: "8",
      traceId,
      msgId: traceId,
      sign,
      authPageType: "1",
      userInformation: "bench",
      expandParams: "sim=cm",
    });
  });
  process.stdout.write(JSON.stringify({ url: emu.url, origin, bodies }) + "\n");
}
