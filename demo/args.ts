/** Command-line and environment settings of `node dist/demo.cjs` (kept apart to be testable). */

export interface DemoArgs {
  port: number;
  gatewayPort: number;
  quiet: boolean;
}

export const USAGE =
  "usage: node dist/demo.cjs [--port N] [--gateway-port N] [--quiet]   (env DEMO_PORT, DEMO_GATEWAY_PORT)";

/** Thrown for bad arguments; an empty message means "--help". */
export class UsageError extends Error {
  override name = "UsageError";
}

function parsePort(value: string | undefined, what: string): number {
  const n = Number(value);
  if (!value || !/^\d+$/.test(value) || n > 65535)
    throw new UsageError(
      `${what} must be a port number (0-65535), got ${JSON.stringify(value ?? "")}`,
    );
  return n;
}

export function parseArgs(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): DemoArgs {
  const args: DemoArgs = {
    port: env.DEMO_PORT ? parsePort(env.DEMO_PORT, "DEMO_PORT") : 8080,
    // 7009: the port of the CM test host (wire-protocol.md "Hosts"), easy to recognise in logs.
    gatewayPort: env.DEMO_GATEWAY_PORT
      ? parsePort(env.DEMO_GATEWAY_PORT, "DEMO_GATEWAY_PORT")
      : 7009,
    quiet: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.indexOf("=");
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const value = () => (eq > 0 ? a.slice(eq + 1) : argv[++i]);
    if (flag === "--port") args.port = parsePort(value(), "--port");
    else if (flag === "--gateway-port") args.gatewayPort = parsePort(value(), "--gateway-port");
    else if (flag === "--quiet") args.quiet = true;
    else if (flag === "--help" || flag === "-h") throw new UsageError("");
    else throw new UsageError(`unknown argument ${a}`);
  }
  return args;
}
