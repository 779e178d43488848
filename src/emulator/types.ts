/** Types shared by the emulator's modules: apps, SIMs, endpoints, faults, records. */
import type { Carrier } from "../protocol/hosts";
import type { PageOption } from "../protocol/wire";

export type { Carrier };

/** How the test SIM reaches the gateway: only `cellular` can be identified. */
export type Network = "cellular" | "wifi" | "none";

export interface Sim {
  /** What tests and the demo switcher refer to (`sim=<id>` in expandParams). */
  id: string;
  /** The full number. Never logged; records carry the masked form. */
  number: string;
  carrier: Carrier;
  network: Network;
  blacklisted?: boolean;
  /** An IoT card: the CM gateway refuses it with 103609. */
  iot?: boolean;
  label?: string;
}

/** The console's review states. Only an approved app may fetch numbers. */
export type ReviewStatus = "待审核" | "审核中" | "审核成功";

/** The state of the app's paid entitlement (权益). */
export type Entitlement = "active" | "unsubscribed" | "exhausted" | "expired";

export type AuthLevel = "1" | "4" | "5";

export interface AppRegistration {
  appId: string;
  /** The MD5 request-sign secret and the msisdn AES key. Never logged. */
  appKey: string;
  appName: string;
  reviewStatus: ReviewStatus;
  entitlement: Entitlement;
  /** Full page addresses without `?query`/`#fragment`; compared exactly. */
  referers: string[];
  /** `protocol://host[:port]`, compared exactly with the Origin header. */
  origins: string[];
  /** SPKI public key (PEM or bare Base64) that verifies the tokenValidate sign. */
  rsaPublicKey?: string | null;
  /** Addresses allowed to call tokenValidate; empty or absent = any. */
  ipAllowList?: string[];
  authLevel: AuthLevel;
  /** The cross-carrier switches: whether CT/CU numbers may be fetched for this app. */
  crossCarrier: { ct: boolean; cu: boolean };
  pageOption?: PageOption;
  /** Extra agreement links (name → url), handed out with the accessToken. */
  customerPrivacyConfig?: Record<string, string> | string;
}

export interface RegistryFile {
  apps: AppRegistration[];
  /**
   * How long a number stays locked after `lockAfterWrong` consecutive wrong entries, in hours
   * (default 24, as China Mobile's and Telecom's FAQs say). `limits.lockMs` overrides it.
   */
  lockHours?: number;
}

/** Protocol endpoints by job; fault injection and records name them this way. */
export type EndpointId =
  | "preGetMobile"
  | "pageOption"
  | "ctPhonescrip"
  | "cuPhonescrip"
  | "ctGateway"
  | "cuGateway"
  | "ctCallback"
  | "cuCallback"
  | "authGetToken"
  | "tokenValidate"
  | "logReport";

export const ENDPOINT_IDS: readonly EndpointId[] = [
  "preGetMobile",
  "pageOption",
  "ctPhonescrip",
  "cuPhonescrip",
  "ctGateway",
  "cuGateway",
  "ctCallback",
  "cuCallback",
  "authGetToken",
  "tokenValidate",
  "logReport",
];

export interface Limits {
  /** Accepted distance of a request timestamp from the emulator's clock. */
  timestampWindowMs: number;
  accessTokenTtlMs: number;
  /** Tokens live 2 minutes. */
  tokenTtlMs: number;
  /** Consecutive wrong digit entries that lock the number. */
  lockAfterWrong: number;
  /** How long that lock lasts: 24 hours unless the registry's `lockHours` says otherwise. */
  lockMs: number;
  /** At most 30 unused tokens per number per 10 minutes. */
  unusedTokenLimit: number;
  unusedTokenWindowMs: number;
  /** How long a CT/CU JSONP session (step 1 → step 3) stays usable. */
  carrierSessionTtlMs: number;
  bodyLimitBytes: number;
}

/** A wrong-digits lock lasts a day at China Mobile and Telecom (their FAQs). */
export const DEFAULT_LOCK_HOURS = 24;
export const HOUR_MS = 60 * 60_000;

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  timestampWindowMs: 5 * 60_000,
  accessTokenTtlMs: 5 * 60_000,
  tokenTtlMs: 2 * 60_000,
  lockAfterWrong: 3,
  lockMs: DEFAULT_LOCK_HOURS * HOUR_MS,
  unusedTokenLimit: 30,
  unusedTokenWindowMs: 10 * 60_000,
  carrierSessionTtlMs: 5 * 60_000,
  bodyLimitBytes: 64 * 1024,
});
