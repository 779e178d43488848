/**
 * The promise form for SPAs (api.md "Beyond the original"): `getToken(data, {signal,
 * layerCallback})`. Only the npm module carries it; the `<script>` build keeps to the original's
 * methods.
 */

import { ENDED } from "../protocol/codes";
import { codeError, YDRZError } from "./errors";
import { msgIdOf } from "./params";
import { recordOf } from "./responses";
import type { Callbacks, Session } from "./session";
import type {
  CodeError,
  ErrorPayload,
  GetTokenOptions,
  SuccessPayload,
  TokenRequestData,
} from "./types";

/** Starts a getTokenInfo flow from its options object (undefined when refused). */
export type StartFlow = (options: unknown) => Session | undefined;

/**
 * `getToken`, built on starting a flow, ending one, and refusing a call before it starts
 * (module.ts passes them).
 */
export const promiseForm = (
  startFlow: StartFlow,
  end: (session: Session) => void,
  refuse: (callbacks: Callbacks, payload: CodeError) => void,
) => ({
  /**
   * `startFlow`'s callbacks settle the promise; the signal ends this call only. What throws in
   * here (hostile options) rejects the promise, as any executor's exception does.
   */
  getToken: (data: TokenRequestData, options?: GetTokenOptions): Promise<SuccessPayload> =>
    new Promise<SuccessPayload>((resolve, reject) => {
      const fail = (payload: ErrorPayload) => {
        reject(new YDRZError(payload));
      };
      const { signal, layerCallback } = recordOf(options) as GetTokenOptions;
      if (signal && signal.aborted) {
        refuse({ error: fail }, codeError(ENDED, msgIdOf(data)));
        return;
      }
      const session = startFlow({ data, layerCallback, success: resolve, error: fail });
      if (!session || !signal) return;
      // What endGetToken does, for this call only; the listener goes as the call settles.
      const onAbort = () => {
        end(session);
      };
      signal.addEventListener("abort", onAbort);
      session.signal.addEventListener("abort", () => {
        signal.removeEventListener("abort", onAbort);
      });
    }),
});
