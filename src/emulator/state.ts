/**
 * Everything the emulator remembers, in one object: the registry, the SIMs, tokens, CT/CU
 * sessions, faults, records, the Referer/Origin last seen, and the clock. In-process tests reach
 * it as `emulator.state`; the admin API is a thin HTTP layer over it.
 */
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { RefererOriginVerdict } from "./checks";
import { FaultStore } from "./faults";
import { RecordStore } from "./records";
import { RegistryStore, type Registry } from "./registry";
import { ReplayGuard } from "./replay";
import { SimStore } from "./sims";
import { TokenStore } from "./tokens";
import type { Carrier, EndpointId, Limits, Sim } from "./types";

export interface SeenEntry extends RefererOriginVerdict {
  time: string;
  endpoint: EndpointId;
  appId: string;
  traceId?: string;
}

const MAX_SEEN = 5_000;

/**
 * How far the emulator's clock may be moved from the real one, either way: ten years covers
 * every lifetime and window the protocol has, and keeps every date a valid Date (an offset of
 * 1e308 or 8.64e15 made `toISOString` throw, so every endpoint answered 500).
 */
export const MAX_CLOCK_OFFSET_MS = 10 * 365 * 24 * 60 * 60_000;

/** Why a clock move is refused, or undefined when it may be applied to this offset. */
export function clockMoveProblem(advanceMs: unknown, offsetMs: number): string | undefined {
  if (typeof advanceMs !== "number" || !Number.isSafeInteger(advanceMs)) {
    return "advanceMs must be an integer number of milliseconds";
  }
  if (Math.abs(offsetMs + advanceMs) > MAX_CLOCK_OFFSET_MS) {
    return (
      `the clock may be moved at most ${MAX_CLOCK_OFFSET_MS} ms (ten years) from the real ` +
      `clock either way; it is ${offsetMs} ms off now`
    );
  }
  return undefined;
}

/** The Referer/Origin each request carried and the registry's verdict (the demo's panel). */
export class SeenStore {
  last: SeenEntry | undefined;
  private byTrace = new Map<string, SeenEntry>();
  private byApp = new Map<string, SeenEntry>();

  add(e: SeenEntry): void {
    this.last = e;
    this.byApp.set(e.appId, e);
    if (e.traceId) {
      this.byTrace.delete(e.traceId);
      this.byTrace.set(e.traceId, e);
      if (this.byTrace.size > MAX_SEEN) this.byTrace.delete(this.byTrace.keys().next().value!);
    }
  }

  forTrace(traceId: string): SeenEntry | undefined {
    return this.byTrace.get(traceId);
  }

  forApp(appId: string): SeenEntry | undefined {
    return this.byApp.get(appId);
  }

  clear(): void {
    this.last = undefined;
    this.byTrace.clear();
    this.byApp.clear();
  }
}

/** A CT/CU flow between step 1 and step 3: the JSONP URL names it, step 3 redeems its data. */
export interface CarrierSession {
  id: string;
  carrier: "CT" | "CU";
  appId: string;
  traceId: string;
  simId: string;
  createdAt: number;
  expiresAt: number;
  /** The opaque value the JSONP gateway handed out (step 2), redeemed once at step 3. */
  data?: string;
  dataUsed: boolean;
}

export class CarrierSessionStore {
  private sessions = new Map<string, CarrierSession>();
  private byData = new Map<string, string>();

  constructor(
    private readonly now: () => number,
    private readonly ttlMs: () => number,
  ) {}

  create(s: {
    carrier: "CT" | "CU";
    appId: string;
    traceId: string;
    simId: string;
  }): CarrierSession {
    this.prune();
    const at = this.now();
    const session: CarrierSession = {
      ...s,
      id: randomBytes(16).toString("hex"),
      createdAt: at,
      expiresAt: at + this.ttlMs(),
      dataUsed: false,
    };
    this.sessions.set(session.id, session);
    return session;
  }

  get(id: string): CarrierSession | undefined {
    return this.sessions.get(id);
  }

  issueData(session: CarrierSession): string {
    if (session.data) this.byData.delete(session.data);
    session.data = (session.carrier === "CT" ? "ctd" : "cud") + randomBytes(24).toString("hex");
    session.dataUsed = false;
    this.byData.set(session.data, session.id);
    return session.data;
  }

  byOpaqueData(data: string): CarrierSession | undefined {
    const id = this.byData.get(data);
    return id === undefined ? undefined : this.sessions.get(id);
  }

  clear(): void {
    this.sessions.clear();
    this.byData.clear();
  }

  /**
   * Sessions are inserted in creation order with one lifetime, so the first is the next to
   * expire: pop from the front until one is still alive, O(expired) per call.
   */
  private prune(): void {
    const now = this.now();
    for (const [id, s] of this.sessions) {
      if (s.expiresAt >= now) break;
      this.sessions.delete(id);
      if (s.data) this.byData.delete(s.data);
    }
  }
}

/**
 * The real clock as the emulator reads it: the wall time at start (or reset) plus the time
 * elapsed since on the monotonic clock. Token lifetimes, accessToken lifetimes and locks are
 * durations between two readings; read from Date.now(), a step of the system clock (an NTP
 * correction) would age every live token at once, and a token that had just passed its other
 * checks would be "expired" (104007) milliseconds later.
 */
export class SteadyClock {
  private wallAt = Date.now();
  private steadyAt = performance.now();

  readonly now = (): number => this.wallAt + Math.floor(performance.now() - this.steadyAt);

  /** Re-anchors to the wall clock (on reset: nothing alive spans it). */
  resync(): void {
    this.wallAt = Date.now();
    this.steadyAt = performance.now();
  }
}

export interface StateInit {
  registry: Registry;
  sims: readonly Sim[];
  defaultSimId?: string;
  limits: Limits;
  now?: () => number;
  log?: (line: string) => void;
  demoOrigin: string;
}

export class EmulatorState {
  readonly limits: Limits;
  readonly registry: RegistryStore;
  readonly sims: SimStore;
  readonly tokens: TokenStore;
  readonly faults = new FaultStore();
  readonly records: RecordStore;
  readonly seen = new SeenStore();
  readonly carrierSessions: CarrierSessionStore;
  /** Signed CM pre-fetches already answered (a replay gets 103505). */
  readonly prefetchReplays: ReplayGuard;
  /** Added to the base clock by `advanceClock` (admin: POST /__emulator/clock). */
  clockOffsetMs = 0;
  private readonly baseNow: () => number;
  /** The real clock when no `now` was injected. */
  private readonly steady: SteadyClock | undefined;

  constructor(private readonly init: StateInit) {
    this.limits = { ...init.limits };
    const steady = init.now ? undefined : new SteadyClock();
    this.steady = steady;
    this.baseNow = init.now ?? steady!.now;
    this.registry = new RegistryStore(init.registry, init.demoOrigin);
    this.sims = new SimStore(init.sims, this.now, init.defaultSimId);
    this.tokens = new TokenStore(this.now, this.limits);
    this.records = new RecordStore(this.now, init.log);
    this.carrierSessions = new CarrierSessionStore(this.now, () => this.limits.carrierSessionTtlMs);
    this.prefetchReplays = new ReplayGuard(this.now, () => this.limits.timestampWindowMs);
  }

  /** The emulator's clock in epoch ms: the injected (or real) clock plus the advanced offset. */
  readonly now = (): number => this.baseNow() + this.clockOffsetMs;

  /** Moves the clock; throws a RangeError for a move clockMoveProblem refuses. */
  advanceClock(ms: number): void {
    const problem = clockMoveProblem(ms, this.clockOffsetMs);
    if (problem !== undefined) throw new RangeError(problem);
    this.clockOffsetMs += ms;
  }

  /** Back to the startup state: registry and SIMs as loaded, everything else empty. */
  reset(): void {
    // First, so that what is cleared below starts again at the real time.
    this.clockOffsetMs = 0;
    this.steady?.resync();
    this.registry.replaceAll(this.init.registry);
    this.sims.reset(this.init.sims, this.init.defaultSimId);
    this.tokens.reset();
    this.faults.clear();
    this.records.clear();
    this.seen.clear();
    this.carrierSessions.clear();
    this.prefetchReplays.clear();
  }

  carrierOf(simId: string): Carrier | undefined {
    return this.sims.get(simId)?.carrier;
  }
}
