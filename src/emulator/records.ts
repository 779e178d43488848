/**
 * What happened, per request: the base of the console's auth records, statistics and billing
 *. Never a full number or a key: records and log lines carry masked numbers only.
 */
import type { Carrier, EndpointId } from "./types";

export interface EmulatorRecord {
  seq: number;
  /** ISO time from the emulator's (injectable) clock. */
  time: string;
  endpoint: EndpointId;
  appId?: string;
  traceId?: string;
  carrier?: Carrier;
  resultCode: string;
  desc?: string;
  /** Real wall-clock duration of the request handling. */
  durationMs: number;
  /** e.g. `138****1234`. */
  maskPhone?: string;
  simId?: string;
  /** Injected fault, if any. */
  fault?: string;
  /** Only a successful number return (tokenValidate 103000) is billable. */
  billable: boolean;
}

export interface RecordFilter {
  appId?: string;
  traceId?: string;
  endpoint?: string;
  resultCode?: string;
  /** Only records with seq greater than this (for polling). */
  since?: number;
}

/** How many records are kept (the window GET /__emulator/records reads). */
export const RECORD_WINDOW = 10_000;

/** One app's counts since start or reset. */
export interface AppStats {
  /** Every request recorded for the app. */
  requests: number;
  /** Successful number returns (tokenValidate 103000): what is billed. */
  billable: number;
  /** Per endpoint, per result code, how many. */
  byEndpoint: Record<string, Record<string, number>>;
}

/** GET /__emulator/stats: counters kept apart from the record window, so nothing falls out. */
export interface StatsAnswer {
  /** Per appId ("(none)" for requests that named none). */
  apps: Record<string, AppStats>;
  /** Requests recorded since `since`, all apps. */
  total: number;
  /** ISO time (emulator clock) of the start or the last reset: what the counts cover. */
  since: string;
  /** The most records GET /__emulator/records keeps; the counts are not limited by it. */
  recordWindow: number;
  /** Records kept right now (at most recordWindow). */
  recordsKept: number;
}

export class RecordStore {
  /** A ring of the last RECORD_WINDOW records: `head` is the oldest once it is full. */
  private ring: EmulatorRecord[] = [];
  private head = 0;
  private seq = 0;
  private counts: Record<string, AppStats> = {};
  private total = 0;
  private sinceIso: string;

  constructor(
    private readonly now: () => number,
    private readonly log?: (line: string) => void,
  ) {
    this.sinceIso = new Date(now()).toISOString();
  }

  add(r: Omit<EmulatorRecord, "seq">): EmulatorRecord {
    const rec: EmulatorRecord = { seq: ++this.seq, ...r };
    // Caller-supplied strings are capped so that 10,000 records stay small whatever was sent.
    if (rec.appId !== undefined) rec.appId = rec.appId.slice(0, 100);
    if (rec.traceId !== undefined) rec.traceId = rec.traceId.slice(0, 200);
    if (rec.desc !== undefined) rec.desc = rec.desc.slice(0, 500);
    if (this.ring.length < RECORD_WINDOW) {
      this.ring.push(rec);
    } else {
      this.ring[this.head] = rec;
      this.head = (this.head + 1) % RECORD_WINDOW;
    }
    this.count(rec);
    this.log?.(formatRecord(rec));
    return rec;
  }

  private count(r: EmulatorRecord): void {
    const s = (this.counts[r.appId ?? "(none)"] ??= { requests: 0, billable: 0, byEndpoint: {} });
    s.requests += 1;
    if (r.billable) s.billable += 1;
    const codes = (s.byEndpoint[r.endpoint] ??= {});
    codes[r.resultCode] = (codes[r.resultCode] ?? 0) + 1;
    this.total += 1;
  }

  /** The kept records, oldest first. */
  private ordered(): EmulatorRecord[] {
    return [...this.ring.slice(this.head), ...this.ring.slice(0, this.head)];
  }

  list(filter: RecordFilter = {}): EmulatorRecord[] {
    return this.ordered().filter(
      (r) =>
        (filter.appId === undefined || r.appId === filter.appId) &&
        (filter.traceId === undefined || r.traceId === filter.traceId) &&
        (filter.endpoint === undefined || r.endpoint === filter.endpoint) &&
        (filter.resultCode === undefined || r.resultCode === filter.resultCode) &&
        (filter.since === undefined || r.seq > filter.since),
    );
  }

  /** Forgets the records and the counts; `seq` keeps rising so that pollers see new ones. */
  clear(): void {
    this.ring = [];
    this.head = 0;
    this.counts = {};
    this.total = 0;
    this.sinceIso = new Date(this.now()).toISOString();
  }

  /** Everything since start or reset, whatever the record window still holds. */
  stats(): StatsAnswer {
    return {
      apps: structuredClone(this.counts),
      total: this.total,
      since: this.sinceIso,
      recordWindow: RECORD_WINDOW,
      recordsKept: this.ring.length,
    };
  }
}

export function formatRecord(r: EmulatorRecord): string {
  const parts = [
    r.time,
    r.endpoint,
    `app=${r.appId ?? "-"}`,
    `carrier=${r.carrier ?? "-"}`,
    `code=${r.resultCode}`,
    `${r.durationMs}ms`,
  ];
  if (r.traceId) parts.push(`trace=${r.traceId.slice(0, 40)}`);
  if (r.maskPhone) parts.push(`phone=${r.maskPhone}`);
  if (r.fault) parts.push(`fault=${r.fault}`);
  return parts.join(" ");
}
