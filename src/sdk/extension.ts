/**
 * How the npm module adds to the `<script>` build's object (api.ts `create`): the parts of
 * `create` its extension builds on. The `<script>` build has no extension, so none of this code
 * reaches its bytes.
 */

import type { StepContext } from "./context";
import type { Report } from "./deps";
import type { Callbacks, Session } from "./session";
import type { CodeError, ResolvedConfig } from "./types";

/** What a call does once it has started (the flow, a token request, a prepare). */
export type CallRun = (ctx: StepContext) => Promise<unknown>;

/** The methods of the object, by name (each guarded by `create`: nothing throws into the page). */
export type Methods = Record<string, (...args: never[]) => unknown>;

/** The parts of `create` that an extension builds on. */
export interface ExtensionCore {
  /**
   * Starts a getTokenInfo call from its options object (which holds the callbacks) with `run`
   * as its work: 503 for missing data, 104018 while a call runs (undefined then).
   */
  startFlow: (options: unknown, run: CallRun) => Session | undefined;
  /** Ends a running call as `endGetToken` does. */
  end: (session: Session) => void;
  /** Refuses a call before it starts: only its own callbacks hear of it. */
  refuse: (callbacks: Callbacks, payload: CodeError) => void;
  /** The configuration in effect (live: `config()` changes it). */
  config: ResolvedConfig;
  /** Where swallowed exceptions go (an integrator callback that throws). */
  report: Report;
  /** The `<script>` build's methods, for an extension's method that adds to one of them. */
  methods: Methods;
}

/** Builds the npm module's methods; a method of the same name replaces the original's. */
export type Extension = (core: ExtensionCore) => Methods;
