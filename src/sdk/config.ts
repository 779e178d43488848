/**
 * Gateway configuration: which base URLs and which per-request timeout. Production hosts unless
 * the integrator (or the emulator's demo) says otherwise; `data.isTest === "0"` picks the
 * carrier's test hosts for the hosts the integrator did not set explicitly.
 */

import { PRODUCTION_HOSTS, TEST_HOSTS, type GatewayHosts } from "../protocol/hosts";
import type { ResolvedConfig, SdkConfig } from "./types";

/**
 * Merges the valid fields of `patch` into `current`; invalid values are ignored (untrusted
 * integrator input). Returns a copy of the result.
 */
export function applyConfig(current: ResolvedConfig, patch: unknown): ResolvedConfig {
  const p = (patch || {}) as SdkConfig;
  for (const key of ["cmHost", "apiHost"] as const) {
    const host = p[key];
    if (typeof host === "string" && /^https?:\/\/\S+$/i.test(host.trim()))
      current[key] = host.trim();
  }
  const { timeout, injectCss } = p;
  if (typeof timeout === "number" && timeout > 0 && timeout < Infinity) current.timeout = timeout;
  if (typeof injectCss === "boolean") current.injectCss = injectCss;
  // Read by the npm module only (hosted-page.ts); the <script> build always draws in-page.
  if (typeof p.hostedPage === "boolean") current.hostedPage = p.hostedPage;
  return { ...current };
}

export function hostsFor(current: ResolvedConfig, isTest: string): GatewayHosts {
  const base = isTest === "0" ? TEST_HOSTS : PRODUCTION_HOSTS;
  return { cm: current.cmHost || base.cm, api: current.apiHost || base.api };
}
