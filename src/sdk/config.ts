/**
 * Gateway configuration: which base URLs and which per-request timeout. Production hosts unless
 * the integrator (or the emulator's demo) says otherwise; `data.isTest === "0"` picks the
 * carrier's test hosts for the hosts the integrator did not set explicitly.
 */

import { PRODUCTION_HOSTS, TEST_HOSTS, type GatewayHosts } from "../protocol/hosts";
import type { ResolvedConfig, SdkConfig } from "./types";

export const DEFAULT_TIMEOUT_MS = 8000;

export interface ConfigStore {
  /** Merges valid fields of `patch`; invalid values are ignored (untrusted integrator input). */
  set(patch: unknown): ResolvedConfig;
  get(): ResolvedConfig;
  hostsFor(isTest: unknown): GatewayHosts;
}

const isHost = (v: unknown): v is string => typeof v === "string" && /^https?:\/\/\S+$/i.test(v.trim());

export function createConfigStore(): ConfigStore {
  const current: ResolvedConfig = { timeout: DEFAULT_TIMEOUT_MS, injectCss: true };
  return {
    set(patch) {
      if (patch && typeof patch === "object") {
        const p = patch as SdkConfig;
        if (isHost(p.cmHost)) current.cmHost = p.cmHost.trim();
        if (isHost(p.apiHost)) current.apiHost = p.apiHost.trim();
        if (typeof p.timeout === "number" && Number.isFinite(p.timeout) && p.timeout > 0) current.timeout = p.timeout;
        if (typeof p.injectCss === "boolean") current.injectCss = p.injectCss;
      }
      return { ...current };
    },
    get: () => ({ ...current }),
    hostsFor(isTest) {
      const base = isTest === "0" ? TEST_HOSTS : PRODUCTION_HOSTS;
      return { cm: current.cmHost || base.cm, api: current.apiHost || base.api };
    },
  };
}
