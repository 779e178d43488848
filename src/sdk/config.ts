/**
 * Gateway configuration: which base URLs and which per-request timeout. Production hosts unless
 * the integrator (or the emulator's demo) says otherwise; `data.isTest === "0"` picks the
 * carrier's test hosts for the hosts the integrator did not set explicitly.
 */

import { PRODUCTION_HOSTS, TEST_HOSTS, type GatewayHosts } from "../protocol/hosts";
import type { Report } from "./deps";
import type { ResolvedConfig, SdkConfig } from "./types";

/** The longest delay setTimeout keeps (2^31 − 1 ms); beyond it the timer fires at once. */
const TIMEOUT_MAX = 2147483647;

/**
 * Merges the valid fields of `patch` into `current`; invalid values are ignored (untrusted
 * integrator input), an invalid timeout with a report. Returns a copy of the result.
 */
export function applyConfig(
  current: ResolvedConfig,
  patch: unknown,
  report: Report,
): ResolvedConfig {
  const p = (patch || {}) as SdkConfig;
  for (const key of ["cmHost", "apiHost"] as const) {
    const host = p[key];
    if (typeof host === "string" && /^https?:\/\/\S+$/i.test(host.trim()))
      current[key] = host.trim();
  }
  const { timeout, injectCss } = p;
  if (timeout !== undefined) {
    // setTimeout runs a longer delay (or a fraction, NaN, a string) at once: every request
    // would time out on the spot.
    if (Number.isInteger(timeout) && timeout > 0 && timeout <= TIMEOUT_MAX)
      current.timeout = timeout;
    else report("invalid timeout", timeout);
  }
  if (typeof injectCss === "boolean") current.injectCss = injectCss;
  // Read by the npm module only (hosted-page.ts); the <script> build always draws in-page.
  if (typeof p.hostedPage === "boolean") current.hostedPage = p.hostedPage;
  return { ...current };
}

export function hostsFor(current: ResolvedConfig, isTest: string): GatewayHosts {
  const base = isTest === "0" ? TEST_HOSTS : PRODUCTION_HOSTS;
  return { cm: current.cmHost || base.cm, api: current.apiHost || base.api };
}
