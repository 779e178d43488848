/**
 * The app registry: what the carrier console knows about each app (its pages, origins, keys and
 * switches). Loaded from an object or a JSON file, validated up front so that a typo in the file
 * is a startup error with a path, not a puzzling check failure later.
 */
import { readFileSync } from "node:fs";
import type { PageOption } from "../protocol/wire";
import { toPublicKey } from "../server/keys";
import {
  HOUR_MS,
  type AppRegistration,
  type AuthLevel,
  type Entitlement,
  type Limits,
  type RegistryFile,
  type ReviewStatus,
} from "./types";

export type Registry = RegistryFile;

/** Placeholder in registry strings, replaced by the demo site's origin (default below). */
export const DEMO_ORIGIN_PLACEHOLDER = "{{demoOrigin}}";
export const DEFAULT_DEMO_ORIGIN = "http://127.0.0.1:8080";

export class RegistryError extends Error {
  override name = "RegistryError";
}

/** A registry field that takes one of a fixed set of values. */
interface ChoiceField<T extends string> {
  /** The field's name in an app entry. */
  key: string;
  /** The values it may take. */
  allowed: readonly T[];
  /** Its value when the entry leaves it out. */
  fallback: T;
}

const REVIEW: ChoiceField<ReviewStatus> = {
  key: "reviewStatus",
  allowed: ["待审核", "审核中", "审核成功"],
  fallback: "审核成功",
};
const ENTITLEMENT: ChoiceField<Entitlement> = {
  key: "entitlement",
  allowed: ["active", "unsubscribed", "exhausted", "expired"],
  fallback: "active",
};
const AUTH_LEVEL: ChoiceField<AuthLevel> = {
  key: "authLevel",
  allowed: ["1", "4", "5"],
  fallback: "4",
};

type Json = Record<string, unknown>;

/**
 * getPageOption's `pageOption`. Its fields are the page's own business and pass through, except
 * `customControlsConf`, which goes out as the JSON string the production gateway sends: the
 * official SDK JSON.parses it unguarded, so the array (or object) a registry naturally holds
 * would keep its popup from opening at all. A string must be JSON text already.
 */
function pageOptionOf(raw: Json, where: string): PageOption {
  const field = `${where}.pageOption.customControlsConf`;
  const conf = raw.customControlsConf;
  if (conf === undefined) return raw;
  if (typeof conf === "string") {
    try {
      JSON.parse(conf);
    } catch {
      throw new RegistryError(`${field} must be JSON text (an array of buttons) or an array`);
    }
    return raw;
  }
  if (typeof conf !== "object" || conf === null) {
    throw new RegistryError(`${field} must be an array of buttons or its JSON text`);
  }
  return { ...raw, customControlsConf: JSON.stringify(conf) };
}

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function str(o: Json, key: string, where: string, fallback?: string): string {
  const v = o[key];
  if (v === undefined && fallback !== undefined) return fallback;
  if (typeof v !== "string" || v === "")
    throw new RegistryError(`${where}.${key} must be a non-empty string`);
  return v;
}

function strList(o: Json, key: string, where: string): string[] {
  const v = o[key];
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== "string"))
    throw new RegistryError(`${where}.${key} must be an array of strings`);
  return v as string[];
}

function oneOf<T extends string>(o: Json, where: string, field: ChoiceField<T>): T {
  const { key, allowed } = field;
  const v = o[key] === undefined ? field.fallback : o[key];
  if (!allowed.includes(v as T)) {
    throw new RegistryError(`${where}.${key} must be one of ${allowed.join(", ")}`);
  }
  return v as T;
}

/** Validates one app and fills the defaults; `where` prefixes error messages. */
export function parseApp(
  raw: unknown,
  where = "app",
  demoOrigin = DEFAULT_DEMO_ORIGIN,
): AppRegistration {
  if (!isObject(raw)) throw new RegistryError(`${where} must be an object`);
  const sub = (s: string) => s.split(DEMO_ORIGIN_PLACEHOLDER).join(demoOrigin.replace(/\/+$/, ""));
  const cc = raw.crossCarrier === undefined ? {} : raw.crossCarrier;
  if (!isObject(cc)) throw new RegistryError(`${where}.crossCarrier must be an object {ct, cu}`);
  for (const k of ["ct", "cu"]) {
    if (cc[k] !== undefined && typeof cc[k] !== "boolean")
      throw new RegistryError(`${where}.crossCarrier.${k} must be a boolean`);
  }
  const pk = raw.rsaPublicKey;
  if (pk !== undefined && pk !== null && typeof pk !== "string")
    throw new RegistryError(`${where}.rsaPublicKey must be a string or null`);
  if (typeof pk === "string" && pk !== "") {
    try {
      toPublicKey(pk);
    } catch {
      throw new RegistryError(
        `${where}.rsaPublicKey is not an SPKI public key (PEM or bare Base64)`,
      );
    }
  }
  const cpc = raw.customerPrivacyConfig;
  if (cpc !== undefined && typeof cpc !== "string" && !isObject(cpc)) {
    throw new RegistryError(
      `${where}.customerPrivacyConfig must be an object (name → url) or a string`,
    );
  }
  if (raw.pageOption !== undefined && !isObject(raw.pageOption))
    throw new RegistryError(`${where}.pageOption must be an object`);
  const pageOption = raw.pageOption === undefined ? undefined : pageOptionOf(raw.pageOption, where);
  const app: AppRegistration = {
    appId: str(raw, "appId", where),
    appKey: str(raw, "appKey", where),
    appName: str(raw, "appName", where),
    reviewStatus: oneOf(raw, where, REVIEW),
    entitlement: oneOf(raw, where, ENTITLEMENT),
    referers: strList(raw, "referers", where).map(sub),
    origins: strList(raw, "origins", where).map(sub),
    rsaPublicKey: typeof pk === "string" && pk !== "" ? pk : null,
    ipAllowList: strList(raw, "ipAllowList", where),
    authLevel: oneOf(raw, where, AUTH_LEVEL),
    crossCarrier: {
      ct: (cc.ct as boolean | undefined) ?? true,
      cu: (cc.cu as boolean | undefined) ?? true,
    },
  };
  if (pageOption !== undefined) app.pageOption = pageOption;
  if (cpc !== undefined) {
    app.customerPrivacyConfig =
      typeof cpc === "string"
        ? sub(cpc)
        : Object.fromEntries(
            Object.entries(cpc).map(([name, url]) => [
              name,
              typeof url === "string" ? sub(url) : String(url),
            ]),
          );
  }
  return app;
}

export function parseRegistry(raw: unknown, demoOrigin = DEFAULT_DEMO_ORIGIN): Registry {
  if (!isObject(raw) || !Array.isArray(raw.apps))
    throw new RegistryError(`registry must be an object {"apps": [...]}`);
  const seen = new Set<string>();
  const apps = raw.apps.map((a, i) => {
    const app = parseApp(a, `apps[${i}]`, demoOrigin);
    if (seen.has(app.appId))
      throw new RegistryError(`apps[${i}].appId ${app.appId} is registered twice`);
    seen.add(app.appId);
    return app;
  });
  const registry: Registry = { apps };
  if (raw.lockHours !== undefined) {
    const hours = raw.lockHours;
    if (typeof hours !== "number" || !Number.isFinite(hours) || hours <= 0) {
      throw new RegistryError("lockHours must be a positive number of hours");
    }
    registry.lockHours = hours;
  }
  return registry;
}

/** The limits a registry sets (today only the lock duration); options given in code win. */
export function registryLimits(registry: Registry): Partial<Limits> {
  if (registry.lockHours === undefined) return {};
  return { lockMs: registry.lockHours * HOUR_MS };
}

export function loadRegistryFile(path: string, demoOrigin = DEFAULT_DEMO_ORIGIN): Registry {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new RegistryError(`cannot read registry ${path}: ${(e as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new RegistryError(`registry ${path} is not JSON: ${(e as Error).message}`);
  }
  return parseRegistry(raw, demoOrigin);
}

/** The page address the referer check compares: no `#fragment`, no `?query`. */
export function refererPageAddress(referer: string): string {
  let s = referer;
  const hash = s.indexOf("#");
  if (hash >= 0) s = s.slice(0, hash);
  const q = s.indexOf("?");
  if (q >= 0) s = s.slice(0, q);
  return s;
}

/** `protocol://host[:port]` of a page address, or undefined when it is not an absolute URL. */
export function originOf(address: string): string | undefined {
  try {
    const o = new URL(address).origin;
    return o === "null" ? undefined : o;
  } catch {
    return undefined;
  }
}

export class RegistryStore {
  private apps = new Map<string, AppRegistration>();

  constructor(
    initial: Registry,
    private readonly demoOrigin = DEFAULT_DEMO_ORIGIN,
  ) {
    this.replaceAll(initial);
  }

  replaceAll(registry: Registry): void {
    this.apps = new Map(registry.apps.map((a) => [a.appId, structuredClone(a)]));
  }

  get(appId: string): AppRegistration | undefined {
    return this.apps.get(appId);
  }

  list(): AppRegistration[] {
    return [...this.apps.values()];
  }

  /** Adds or replaces an app; the input is validated like the registry file. */
  put(raw: unknown): AppRegistration {
    const app = parseApp(raw, "app", this.demoOrigin);
    this.apps.set(app.appId, app);
    return app;
  }

  /** Shallow merge into an existing app (crossCarrier merged one level deeper), then validated. */
  patch(appId: string, partial: unknown): AppRegistration | undefined {
    const current = this.apps.get(appId);
    if (!current) return undefined;
    if (!isObject(partial)) throw new RegistryError("patch must be an object");
    const merged: Json = { ...current, ...partial, appId };
    if (isObject(partial.crossCarrier))
      merged.crossCarrier = { ...current.crossCarrier, ...partial.crossCarrier };
    return this.put(merged);
  }

  /** Registers a page: its address (query/fragment removed) as a referer and its origin. */
  addPage(appId: string, pageUrl: string): AppRegistration | undefined {
    const app = this.apps.get(appId);
    if (!app) return undefined;
    const origin = originOf(pageUrl);
    if (!origin) throw new RegistryError(`not an absolute page address: ${pageUrl}`);
    const page = refererPageAddress(pageUrl);
    if (!app.referers.includes(page)) app.referers.push(page);
    if (!app.origins.includes(origin)) app.origins.push(origin);
    return app;
  }

  /** The app without its secrets, for the admin API. */
  static redact(app: AppRegistration): Omit<AppRegistration, "appKey"> & { appKey: string } {
    return { ...app, appKey: app.appKey.slice(0, 4) + "…" };
  }
}
