/**
 * The local gateway emulator: China Mobile's pre-fetch and `/h5/onekeylogin/*`, the CT/CU carrier
 * JSONP gateways and an admin API, on one loopback port. See docs/emulator.md.
 *
 * ```ts
 * const emu = await startEmulator({ port: 0 });
 * // point the SDK's cmHost and apiHost at emu.url
 * await emu.close();
 * ```
 */
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { accessPolicy, originOf, type AccessPolicy } from "./access";
import {
  DEFAULT_DEMO_ORIGIN,
  loadRegistryFile,
  parseRegistry,
  registryLimits,
  type Registry,
} from "./registry";
import { createEmulatorServer } from "./server";
import { DEFAULT_SIMS, parseSim } from "./sims";
import { EmulatorState } from "./state";
import { DEFAULT_LIMITS, type Limits, type Sim } from "./types";

export interface EmulatorOptions {
  /** Default 127.0.0.1 (loopback only). */
  host?: string;
  /** 0 = an ephemeral port (default). */
  port?: number;
  /** An object, or the path of a JSON file; default the committed sample registry. */
  registry?: Registry | string;
  /** Test SIMs; default DEFAULT_SIMS. */
  sims?: Sim[];
  /** Default "cm" when present, else the first SIM. */
  defaultSimId?: string;
  /** Injectable clock (epoch ms). The admin clock offset is added on top. */
  now?: () => number;
  /** One line per request (no full numbers, no keys). */
  log?: (line: string) => void;
  /** Replaces `{{demoOrigin}}` in the registry; default http://127.0.0.1:8080. */
  demoOrigin?: string;
  /** Overrides of the protocol's limits (token lifetimes, lock, windows, body size). */
  limits?: Partial<Limits>;
  /**
   * The address pages and tests reach the emulator at, e.g. `http://localhost:7009`: the base of
   * every absolute URL it hands out (authPageUrl, the CT/CU JSONP script), and its host joins the
   * admin API's host allow-list. Default: the listen address. The request's Host is never used.
   */
  publicUrl?: string;
  /** Host names besides loopback and the public URL's that the admin API answers to. */
  adminHosts?: string[];
  /**
   * Page origins besides the emulator's own that may call the admin API from a browser.
   * Default: the demo origin.
   */
  adminOrigins?: string[];
}

export interface RunningEmulator {
  /** `http://127.0.0.1:PORT`: the SDK's cmHost and apiHost. */
  url: string;
  port: number;
  host: string;
  /** Direct access for in-process tests: registry, SIMs, tokens, faults, records, clock. */
  state: EmulatorState;
  /** The public URL and the admin API's owner (hosts, origins). */
  access: AccessPolicy;
  close(): Promise<void>;
}

function moduleDir(): string {
  // The bundles are CommonJS (dist/*.cjs) and ESM; vitest runs the sources.
  if (typeof __dirname === "string") return __dirname;
  return dirname(fileURLToPath(import.meta.url));
}

/** The committed sample registry: next to the sources, or copied into dist/ by the build. */
export function sampleRegistryPath(): string {
  const dir = moduleDir();
  for (const candidate of [
    join(dir, "sample-registry.json"),
    join(dir, "..", "sample-registry.json"),
    join(dir, "..", "src", "emulator", "sample-registry.json"),
  ]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error("sample-registry.json not found next to the emulator; pass options.registry");
}

/** A registry file path, an inline registry, or (neither given) the committed sample. */
function loadRegistry(source: EmulatorOptions["registry"], demoOrigin: string): Registry {
  if (typeof source === "string") return loadRegistryFile(source, demoOrigin);
  if (source) return parseRegistry(source, demoOrigin);
  return loadRegistryFile(sampleRegistryPath(), demoOrigin);
}

/** The public URL as given, checked: an http(s) origin with nothing after it. */
function checkedPublicUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const origin = originOf(url);
  if (origin === undefined || origin !== url.replace(/\/+$/, "").toLowerCase()) {
    throw new Error(`publicUrl "${url}" must be http(s)://host[:port] with no path`);
  }
  return origin;
}

/** The admin origins as given (default the demo origin), each checked to be an origin. */
function checkedAdminOrigins(origins: string[] | undefined, demoOrigin: string): string[] {
  if (origins === undefined) {
    const demo = originOf(demoOrigin);
    return demo === undefined ? [] : [demo];
  }
  return origins.map((o) => {
    const origin = originOf(o);
    if (origin === undefined || origin !== o.replace(/\/+$/, "").toLowerCase()) {
      throw new Error(`admin origin "${o}" must be http(s)://host[:port] with no path`);
    }
    return origin;
  });
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? "127.0.0.1";
  const demoOrigin = options.demoOrigin ?? DEFAULT_DEMO_ORIGIN;
  const publicUrl = checkedPublicUrl(options.publicUrl);
  const adminOrigins = checkedAdminOrigins(options.adminOrigins, demoOrigin);
  const registry = loadRegistry(options.registry, demoOrigin);
  const sims = (options.sims ?? DEFAULT_SIMS).map(parseSim);
  if (options.defaultSimId !== undefined && !sims.some((s) => s.id === options.defaultSimId)) {
    const known = sims.map((s) => s.id).join(", ");
    throw new Error(
      `defaultSimId "${options.defaultSimId}" is not one of the test SIMs (${known})`,
    );
  }
  const init: ConstructorParameters<typeof EmulatorState>[0] = {
    registry,
    sims,
    limits: { ...DEFAULT_LIMITS, ...registryLimits(registry), ...options.limits },
    demoOrigin,
  };
  if (options.defaultSimId !== undefined) init.defaultSimId = options.defaultSimId;
  if (options.now) init.now = options.now;
  if (options.log) init.log = options.log;
  const state = new EmulatorState(init);

  let access = accessPolicy({ listenUrl: "http://127.0.0.1" });
  const { server, shutdown } = createEmulatorServer(state, () => access);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  access = accessPolicy({
    listenUrl: url,
    publicUrl,
    adminHosts: options.adminHosts,
    adminOrigins,
  });

  let closed: Promise<void> | undefined;
  return {
    url,
    port,
    host,
    state,
    access,
    close() {
      closed ??= new Promise<void>((resolve) => {
        shutdown();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}

export { EmulatorState } from "./state";
export type { SeenEntry, CarrierSession } from "./state";
export { DEFAULT_SIMS, DEFAULT_SIM_ID, publicSim } from "./sims";
export {
  parseRegistry,
  loadRegistryFile,
  refererPageAddress,
  DEMO_ORIGIN_PLACEHOLDER,
  DEFAULT_DEMO_ORIGIN,
  RegistryError,
} from "./registry";
export type { Registry } from "./registry";
export { CARRIER_GATEWAY_PATHS } from "./cross-carrier";
export { ADMIN_PREFIX } from "./admin";
export { LOOPBACK_HOSTS } from "./access";
export type { AccessPolicy } from "./access";
export { ALLOWED_HEADERS } from "./cors";
export { CROSS_CARRIER_FETCH_CODES, TOKEN_VALIDATE_CODES, decryptReqdata } from "./checks";
export type { RefererOriginVerdict } from "./checks";
export type { Fault, FaultKind, FaultTarget } from "./faults";
export type { EmulatorRecord, RecordFilter } from "./records";
export { TOKEN_LIMIT_CODE } from "./tokens";
export * from "./types";
