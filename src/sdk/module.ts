/**
 * The npm module's extension of the `<script>` build's object (api.ts `createAuthLogin`):
 * `prepare` and its kept number in front of every flow, the hosted page where
 * `config({hostedPage: true})` asks for it, and the promise form `getToken`.
 */

import type { CallRun, Extension } from "./extension";
import { openHostedPage } from "./hosted-page";
import { createPrepare } from "./prepare";
import { promiseForm } from "./promise";

export const moduleExtension: Extension = (core) => {
  const { config } = core;
  const prepared = createPrepare(core);
  // The hosted page takes the found number over, where the integrator asked for it.
  const run: CallRun = (ctx) =>
    prepared.run({ ...ctx, onNumber: config.hostedPage ? openHostedPage : undefined });
  const startFlow = (options: unknown) => core.startFlow(options, run);
  return {
    ...promiseForm(startFlow, core.end, core.refuse),
    ...prepared.methods,
    getTokenInfo(options: unknown) {
      startFlow(options);
    },
  };
};
