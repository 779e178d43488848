/**
 * `npm run demo` (= build, then `node dist/demo.cjs`): the gateway emulator and the demo site in
 * one process, on loopback only.
 *
 *   node dist/demo.cjs [--port 8080] [--gateway-port 7009] [--quiet]
 *   env: DEMO_PORT, DEMO_GATEWAY_PORT
 */
import { startDemo } from "./app";
import { parseArgs, UsageError, USAGE } from "./args";

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs(process.argv.slice(2), process.env);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    if (e.message) {
      console.error(`demo: ${e.message}`);
      console.error(USAGE);
      process.exit(2);
    }
    // --help: the usage is the answer, on stdout.
    console.log(USAGE);
    process.exit(0);
  }
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
      console.error(
        `demo: a port is already in use (${err.message}); pick others with --port / --gateway-port`,
      );
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
    demo.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(`demo: failed to close: ${String(e)}`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
