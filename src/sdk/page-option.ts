/**
 * `getPageOption` for the standard popup (wire-protocol.md §3). It needs no accessToken, so the
 * flow starts it together with the CM pre-fetch; a failure only means the popup uses defaults.
 */

import { joinUrl, PATHS } from "../protocol/hosts";
import type { PageOption } from "../protocol/wire";
import { idHeaders, requestOptions, type StepContext } from "./context";
import { readPageOption } from "./responses";

export async function fetchPageOption(ctx: StepContext): Promise<PageOption | undefined> {
  const d = ctx.data;
  const headers = { ...idHeaders(d), interfaceVersion: "1.0", timestamp: d.timestamp, businessType: d.businessType };
  try {
    return readPageOption(await ctx.transport.get(joinUrl(ctx.hosts.api, PATHS.pageOption), requestOptions(ctx, headers)));
  } catch {
    return undefined;
  }
}
