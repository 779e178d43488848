/**
 * `npm run demo` (= build, then `node dist/demo.cjs`): the gateway emulator and the demo site in
 * one process, on loopback only.
 *
 *   node dist/demo.cjs [--port 8080] [--gateway-port 7009] [--quiet]
 *   env: DEMO_PORT, DEMO_GATEWAY_PORT
 */
import { startDemo } from "./app";

interface Args {
  port: number;
  gatewayPort: number;
  quiet: boolean;
}

function usage(message?: string): never {
  if (message) console.error(`demo: ${message}`);
  console.error("usage: node dist/demo.cjs [--port N] [--gateway-port N] [--quiet]   (env DEMO_PORT, DEMO_GATEWAY_PORT)");
  process.exit(message ? 2 : 0);
}

function parsePort(value: string | undefined, what: string): number {
  const n = Number(value);
  if (!value || !Number.isInteger(n) || n < 0 || n > 65535) usage(`${what} must be a port number (0-65535), got ${JSON.stringify(value)}`);
  return n;
}

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv): Args {
  const args: Args = {
    port: env.DEMO_PORT ? parsePort(env.DEMO_PORT, "DEMO_PORT") : 8080,
    gatewayPort: env.DEMO_GATEWAY_PORT ? parsePort(env.DEMO_GATEWAY_PORT, "DEMO_GATEWAY_PORT") : 7009,
    quiet: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === "--port") args.port = parsePort(value(), "--port");
    else if (flag === "--gateway-port") args.gatewayPort = parsePort(value(), "--gateway-port");
    else if (flag === "--quiet") args.quiet = true;
    else if (flag === "--help" || flag === "-h") usage();
    else usage(`unknown argument ${a}`);
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), process.env);
  let demo;
  try {
    demo = await startDemo({
      port: args.port,
      gatewayPort: args.gatewayPort,
      log: args.quiet ? undefined : (line) => console.log(`gateway: ${line}`),
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === "EADDRINUSE") {
      console.error(`demo: a port is already in use (${err.message}); pick others with --port / --gateway-port`);
    } else {
      console.error(`demo: failed to start: ${err.message}`);
    }
    process.exit(1);
  }
  console.log(`Demo: ${demo.url}`);
  console.log(`Gateway emulator: ${demo.gatewayUrl}`);
  console.log(
    demo.ipv6
      ? `Open ${demo.url.replace("127.0.0.1", "localhost")} to see the referer/origin check fail (170001/110026): only 127.0.0.1 pages are registered.`
      : "Note: ::1 is not available, so http://localhost may not reach the demo here.",
  );
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    demo.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

void main();
