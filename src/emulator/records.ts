/**
 * What happened, per request: the base of the console's auth records, statistics and billing
 * (seed 000). Never a full number or a key: records and log lines carry masked numbers only.
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
  /** Only a successful number return (tokenValidate 103000) is billable (seed 000). */
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

const MAX_RECORDS = 10_000;

export class RecordStore {
  private records: EmulatorRecord[] = [];
  private seq = 0;

  constructor(private readonly log?: (line: string) => void) {}

  add(r: Omit<EmulatorRecord, "seq">): EmulatorRecord {
    const rec: EmulatorRecord = { seq: ++this.seq, ...r };
    // Caller-supplied strings are capped so that 10,000 records stay small whatever was sent.
    if (rec.appId !== undefined) rec.appId = rec.appId.slice(0, 100);
    if (rec.traceId !== undefined) rec.traceId = rec.traceId.slice(0, 200);
    if (rec.desc !== undefined) rec.desc = rec.desc.slice(0, 500);
    this.records.push(rec);
    if (this.records.length > MAX_RECORDS)
      this.records.splice(0, this.records.length - MAX_RECORDS);
    this.log?.(formatRecord(rec));
    return rec;
  }

  list(filter: RecordFilter = {}): EmulatorRecord[] {
    return this.records.filter(
      (r) =>
        (filter.appId === undefined || r.appId === filter.appId) &&
        (filter.traceId === undefined || r.traceId === filter.traceId) &&
        (filter.endpoint === undefined || r.endpoint === filter.endpoint) &&
        (filter.resultCode === undefined || r.resultCode === filter.resultCode) &&
        (filter.since === undefined || r.seq > filter.since),
    );
  }

  clear(): void {
    this.records = [];
  }

  /** Per app: requests and result codes per endpoint, and billable count. */
  stats(): Record<
    string,
    { requests: number; billable: number; byEndpoint: Record<string, Record<string, number>> }
  > {
    const out: Record<
      string,
      { requests: number; billable: number; byEndpoint: Record<string, Record<string, number>> }
    > = {};
    for (const r of this.records) {
      const key = r.appId ?? "(none)";
      const s = (out[key] ??= { requests: 0, billable: 0, byEndpoint: {} });
      s.requests += 1;
      if (r.billable) s.billable += 1;
      const codes = (s.byEndpoint[r.endpoint] ??= {});
      codes[r.resultCode] = (codes[r.resultCode] ?? 0) + 1;
    }
    return out;
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
