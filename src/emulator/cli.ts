/**
 * `ydrz-emulator`: runs the gateway emulator until Ctrl-C.
 * `ydrz-emulator --port 7009 --registry ./apps.json`
 */
import { startEmulator, type EmulatorOptions } from "./index";

const HELP = `ydrz-emulator — local emulator of the one-click-login carrier gateway

Usage: ydrz-emulator [options]

  --port <n>           port to listen on (default 7009; 0 = any free port)
  --host <addr>        address to bind (default 127.0.0.1, loopback only)
  --registry <file>    app registry JSON (default: the bundled sample registry)
  --demo-origin <url>  replaces {{demoOrigin}} in the registry (default http://127.0.0.1:8080)
  --sim <id>           default test SIM (default cm)
  --public-url <url>   the address pages use, e.g. http://localhost:7009: the base of the URLs
                       the emulator hands out, and an admin host (default: the listen address)
  --admin-origin <url> a page origin that may call the admin API (repeatable; default the demo
                       origin; the emulator's own origin always may)
  --admin-host <name>  a Host name the admin API answers to besides loopback (repeatable)
  --quiet              no per-request log lines
  -h, --help           this help

Point the SDK's cmHost and apiHost at the printed URL. Admin API: <url>/__emulator/
Docs: docs/emulator.md`;

export interface CliArgs {
  help: boolean;
  quiet: boolean;
  options: EmulatorOptions;
}

/** `--flag=value` → [flag, value]; anything else → [arg, undefined] (the value may follow). */
function splitInlineValue(arg: string): [flag: string, inline: string | undefined] {
  const equals = arg.indexOf("=");
  if (!arg.startsWith("--") || equals < 0) return [arg, undefined];
  return [arg.slice(0, equals), arg.slice(equals + 1)];
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const out: CliArgs = { help: false, quiet: false, options: { port: 7009 } };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = splitInlineValue(arg);
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === "") throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "-h":
      case "--help":
        out.help = true;
        break;
      case "--quiet":
        out.quiet = true;
        break;
      case "--port": {
        const p = Number(value());
        if (!Number.isInteger(p) || p < 0 || p > 65535) {
          throw new Error("--port must be an integer 0..65535");
        }
        out.options.port = p;
        break;
      }
      case "--host":
        out.options.host = value();
        break;
      case "--registry":
        out.options.registry = value();
        break;
      case "--demo-origin":
        out.options.demoOrigin = value();
        break;
      case "--sim":
        out.options.defaultSimId = value();
        break;
      case "--public-url":
        out.options.publicUrl = value();
        break;
      case "--admin-origin":
        out.options.adminOrigins = [...(out.options.adminOrigins ?? []), value()];
        break;
      case "--admin-host":
        out.options.adminHosts = [...(out.options.adminHosts ?? []), value()];
        break;
      default:
        throw new Error(`unknown option ${arg} (see --help)`);
    }
  }
  return out;
}

async function main(): Promise<void> {
  let args: CliArgs;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`ydrz-emulator: ${(e as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  if (args.help) {
    process.stdout.write(HELP + "\n");
    return;
  }
  if (!args.quiet) args.options.log = (line) => process.stdout.write(line + "\n");
  let emu;
  try {
    emu = await startEmulator(args.options);
  } catch (e) {
    process.stderr.write(`ydrz-emulator: ${(e as Error).message}\n`);
    process.exitCode = 1;
    return;
  }
  const admin = `${emu.access.publicUrl}/__emulator/`;
  process.stdout.write(`ydrz-emulator listening on ${emu.url}  (admin: ${admin})\n`);
  if (!["127.0.0.1", "::1", "localhost"].includes(emu.host)) {
    // The admin API has no authentication: it is meant for one machine.
    process.stderr.write(
      `ydrz-emulator: warning: listening on ${emu.host}, beyond loopback; ` +
        "anyone who reaches it can use the admin API\n",
    );
  }
  const stop = () => {
    emu.close().then(
      () => process.exit(0),
      (e: unknown) => {
        process.stderr.write(`ydrz-emulator: could not close cleanly: ${String(e)}\n`);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

// Only when run as the bin (the CommonJS bundle), not when a test imports parseArgs.
declare const module: { id?: string } | undefined;
const runAsBin =
  typeof require !== "undefined" && typeof module !== "undefined" && require.main === module;
if (runAsBin) {
  main().catch((e: unknown) => {
    // main reports its own errors; this is for a bug, which must not pass silently.
    process.stderr.write(`ydrz-emulator: ${String(e)}\n`);
    process.exitCode = 1;
  });
}
