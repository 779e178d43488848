/**
 * Test SIMs: how the emulator "knows" the subscriber a real gateway would identify from the
 * cellular network. One SIM is the default; a flow can pick another with `sim=<id>` in
 * expandParams, and the choice is bound to the flow's traceId at its first request so that the
 * CT/CU steps (whose reqdata carries an empty expandParams) and the JSONP gateways see the same
 * SIM. Parallel tests therefore never disturb each other through the default.
 */
import { parseExpandParams } from "../protocol/expand-params";
import type { Carrier, Network, Sim } from "./types";

export const DEFAULT_SIMS: readonly Sim[] = Object.freeze([
  { id: "cm", number: "13800001234", carrier: "CM", network: "cellular", label: "移动 4G" },
  { id: "ct", number: "18900005678", carrier: "CT", network: "cellular", label: "电信 4G" },
  { id: "cu", number: "18600004321", carrier: "CU", network: "cellular", label: "联通 4G" },
  {
    id: "cm-wifi",
    number: "13900002222",
    carrier: "CM",
    network: "wifi",
    label: "移动卡，连着 Wi-Fi",
  },
  {
    id: "ct-wifi",
    number: "18900003333",
    carrier: "CT",
    network: "wifi",
    label: "电信卡，连着 Wi-Fi",
  },
  { id: "no-sim", number: "00000000000", carrier: "CM", network: "none", label: "无 SIM 卡" },
  {
    id: "cm-blacklisted",
    number: "13700009999",
    carrier: "CM",
    network: "cellular",
    blacklisted: true,
    label: "移动黑名单号码",
  },
  {
    id: "cm-iot",
    number: "14400001111",
    carrier: "CM",
    network: "cellular",
    iot: true,
    label: "移动物联网卡",
  },
  {
    id: "ct-blacklisted",
    number: "18900009999",
    carrier: "CT",
    network: "cellular",
    blacklisted: true,
    label: "电信黑名单号码",
  },
] satisfies Sim[]);

export const DEFAULT_SIM_ID = "cm";

const CARRIERS: readonly Carrier[] = ["CM", "CT", "CU"];
const NETWORKS: readonly Network[] = ["cellular", "wifi", "none"];

export class SimError extends Error {
  override name = "SimError";
}

export function parseSim(raw: unknown): Sim {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw new SimError("a SIM must be an object");
  const o = raw as Record<string, unknown>;
  if (typeof o.id !== "string" || !/^[\w.-]{1,64}$/.test(o.id))
    throw new SimError("sim.id must be 1-64 characters of [A-Za-z0-9_.-]");
  if (typeof o.number !== "string" || !/^\d{5,15}$/.test(o.number))
    throw new SimError("sim.number must be a string of 5-15 digits");
  if (!CARRIERS.includes(o.carrier as Carrier))
    throw new SimError(`sim.carrier must be one of ${CARRIERS.join(", ")}`);
  const network = o.network === undefined ? "cellular" : o.network;
  if (!NETWORKS.includes(network as Network))
    throw new SimError(`sim.network must be one of ${NETWORKS.join(", ")}`);
  for (const flag of ["blacklisted", "iot"]) {
    if (o[flag] !== undefined && typeof o[flag] !== "boolean")
      throw new SimError(`sim.${flag} must be a boolean`);
  }
  const sim: Sim = {
    id: o.id,
    number: o.number,
    carrier: o.carrier as Carrier,
    network: network as Network,
  };
  if (o.blacklisted) sim.blacklisted = true;
  if (o.iot) sim.iot = true;
  if (typeof o.label === "string") sim.label = o.label;
  return sim;
}

/** What a SIM looks like outside the emulator: never the full number. */
export function publicSim(sim: Sim): Omit<Sim, "number"> & { maskedNumber: string } {
  const { number, ...rest } = sim;
  return {
    ...rest,
    maskedNumber: number.length > 7 ? number.slice(0, 3) + "****" + number.slice(-4) : "****",
  };
}

export type SimChoice = { ok: true; sim: Sim } | { ok: false; reason: string };

/** Bindings older than this are forgotten, so a long-running emulator does not grow. */
const BINDING_TTL_MS = 30 * 60_000;
const MAX_BINDINGS = 50_000;

export class SimStore {
  private sims = new Map<string, Sim>();
  private defaultId = DEFAULT_SIM_ID;
  private bindings = new Map<string, { simId: string; at: number }>();

  constructor(
    initial: readonly Sim[],
    private readonly now: () => number,
    defaultId?: string,
  ) {
    this.reset(initial, defaultId);
  }

  reset(initial: readonly Sim[], defaultId?: string): void {
    this.sims = new Map(initial.map((s) => [s.id, { ...s }]));
    this.defaultId = this.pickDefaultId(defaultId);
    this.bindings.clear();
  }

  /** The requested default if it exists, else the standard one, else the first SIM, else "". */
  private pickDefaultId(requested: string | undefined): string {
    if (requested && this.sims.has(requested)) return requested;
    if (this.sims.has(DEFAULT_SIM_ID)) return DEFAULT_SIM_ID;
    return [...this.sims.keys()][0] ?? "";
  }

  list(): Sim[] {
    return [...this.sims.values()];
  }

  get(id: string): Sim | undefined {
    return this.sims.get(id);
  }

  get defaultSimId(): string {
    return this.defaultId;
  }

  upsert(raw: unknown): Sim {
    const sim = parseSim(raw);
    this.sims.set(sim.id, sim);
    return sim;
  }

  setDefault(id: string): boolean {
    if (!this.sims.has(id)) return false;
    this.defaultId = id;
    return true;
  }

  /** Binds a flow (traceId) to a SIM, e.g. from the admin API before the flow starts. */
  bind(traceId: string, simId: string): boolean {
    if (!this.sims.has(simId)) return false;
    this.prune();
    // Re-inserted, not updated in place, so that the map stays in binding-time order.
    this.bindings.delete(traceId);
    this.bindings.set(traceId, { simId, at: this.now() });
    return true;
  }

  boundSimId(traceId: string): string | undefined {
    return this.bindings.get(traceId)?.simId;
  }

  /**
   * The SIM for a request: `sim=<id>` in expandParams wins (and binds the flow), then the flow's
   * binding, then the default (bound too, so a later default change does not switch a running
   * flow's subscriber half-way).
   */
  choose(traceId: string | undefined, expandParams?: unknown): SimChoice {
    const wanted = parseExpandParams(expandParams).sim;
    if (wanted) {
      const sim = this.sims.get(wanted);
      if (!sim)
        return {
          ok: false,
          reason: `the emulator has no test SIM "${wanted}" (expandParams sim=${wanted})`,
        };
      if (traceId) this.bind(traceId, wanted);
      return { ok: true, sim };
    }
    const bound = traceId ? this.bindings.get(traceId) : undefined;
    const boundSim = bound && this.sims.get(bound.simId);
    if (boundSim) return { ok: true, sim: boundSim };
    const sim = this.sims.get(this.defaultId);
    if (!sim) return { ok: false, reason: "the emulator has no default test SIM" };
    if (traceId) this.bind(traceId, sim.id);
    return { ok: true, sim };
  }

  /** The oldest binding is first (bind re-inserts): pop from the front, O(forgotten) per call. */
  private prune(): void {
    const cutoff = this.now() - BINDING_TTL_MS;
    for (const [k, v] of this.bindings) {
      if (v.at >= cutoff) break;
      this.bindings.delete(k);
    }
    while (this.bindings.size >= MAX_BINDINGS) {
      const first = this.bindings.keys().next().value;
      if (first === undefined) break;
      this.bindings.delete(first);
    }
  }
}
