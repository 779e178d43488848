/**
 * Replayed pre-fetches. A correctly signed pre-fetch stays acceptable for as long as its timestamp
 * is inside the gateway's window, so the same bytes sent twice would fetch the number twice. The
 * gateway refuses a request it has already seen with 103505 重放攻击 (China Mobile's code for a
 * replay); a request is "the same" when every signed field is (appId, msgId, traceId, timestamp,
 * sign), which a fresh sign per login never repeats.
 */
import type { Failure } from "./checks";

export const REPLAY_CODE = "103505";

/** More than a busy test run keeps in one timestamp window; beyond it the oldest are forgotten. */
const MAX_REMEMBERED = 200_000;

export class ReplayGuard {
  /** Signed request → when it may be forgotten; insertion (= arrival) ordered. */
  private seen = new Map<string, number>();

  constructor(
    private readonly now: () => number,
    /** The timestamp window (±): a request is remembered for twice that, its whole acceptance. */
    private readonly windowMs: () => number,
  ) {}

  /** Undefined the first time a signed pre-fetch is seen, the 103505 failure after that. */
  refusal(body: Readonly<Record<string, unknown>>): Failure | undefined {
    const now = this.now();
    this.prune(now);
    const key = [body.appId, body.msgId, body.traceId, body.timestamp, body.sign].join("\n");
    const forgetAt = this.seen.get(key);
    if (forgetAt !== undefined && forgetAt > now) {
      return {
        code: REPLAY_CODE,
        desc:
          "重放攻击: this signed pre-fetch (same traceId, msgId, timestamp and sign) was already " +
          "answered; every login needs a fresh sign",
      };
    }
    this.seen.delete(key);
    this.seen.set(key, now + 2 * this.windowMs());
    if (this.seen.size > MAX_REMEMBERED) this.seen.delete(this.seen.keys().next().value!);
    return undefined;
  }

  clear(): void {
    this.seen.clear();
  }

  /** Arrival order is expiry order: pop from the front while expired, O(expired). */
  private prune(now: number): void {
    for (const [key, forgetAt] of this.seen) {
      if (forgetAt > now) break;
      this.seen.delete(key);
    }
  }
}
