/**
 * accessTokens (number fetched, user not yet confirmed) and tokens (user confirmed, for the
 * integrator's server). The rules are the seeds': tokens live 2 minutes and are single use
 *, a number is locked after 3 consecutive wrong digit entries, and at
 * most 30 unused tokens per number per 10 minutes.
 */
import { createHash, randomBytes } from "node:crypto";
import { LOCKED, WRONG_DIGITS } from "../protocol/codes";
import { confirmedNumberForms } from "../protocol/masked-phone";
import type { AuthLevel, Carrier, Limits } from "./types";

export const TOKEN_LIMIT_CODE = "103911";

interface Issued {
  appId: string;
  traceId: string;
  simId: string;
  phone: string;
  maskPhone: string;
  carrier: Carrier;
  issuedAt: number;
  expiresAt: number;
  used: boolean;
}

export interface AccessTokenEntry extends Issued {
  accessToken: string;
  authLevel: AuthLevel;
  userInformation: string;
}

export interface TokenEntry extends Issued {
  token: string;
  /** Exactly as authGetToken received it; tokenValidate compares byte for byte. */
  userInformation: string;
  expandParams: string;
}

export type TokenResult<T> = { ok: true; value: T } | { ok: false; code: string; reason: string };

const md5 = (s: string) => createHash("md5").update(s, "utf8").digest("hex");

function safeDecode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

/**
 * The maps are insertion ordered and entries are inserted with the clock's time, so the oldest
 * entry is always first: expiry pops from the front and costs O(expired), never a scan of all.
 * (A clock moved back leaves older entries behind newer ones; they go a little later, and every
 * lookup checks the times itself.)
 */
export class TokenStore {
  private accessTokens = new Map<string, AccessTokenEntry>();
  private tokens = new Map<string, TokenEntry>();
  /** Per number, its unused tokens in issue order: the 30-per-10-minutes limit counts these. */
  private unusedByPhone = new Map<string, Set<TokenEntry>>();
  private wrong = new Map<string, { count: number; lockedUntil: number }>();

  constructor(
    private readonly now: () => number,
    private readonly limits: Limits,
  ) {}

  reset(): void {
    this.accessTokens.clear();
    this.tokens.clear();
    this.unusedByPhone.clear();
    this.wrong.clear();
  }

  issueAccessToken(
    e: Omit<AccessTokenEntry, "accessToken" | "issuedAt" | "expiresAt" | "used">,
  ): AccessTokenEntry {
    this.prune();
    const at = this.now();
    const entry: AccessTokenEntry = {
      ...e,
      accessToken: "AT" + randomBytes(24).toString("hex"),
      issuedAt: at,
      expiresAt: at + this.limits.accessTokenTtlMs,
      used: false,
    };
    this.accessTokens.set(entry.accessToken, entry);
    return entry;
  }

  getAccessToken(accessToken: string): AccessTokenEntry | undefined {
    return this.accessTokens.get(accessToken);
  }

  getToken(token: string): TokenEntry | undefined {
    return this.tokens.get(token);
  }

  /** The number's lock state, for the admin API. */
  lockState(phone: string): { consecutiveWrong: number; locked: boolean; lockedUntil?: number } {
    const w = this.wrong.get(phone);
    if (!w) return { consecutiveWrong: 0, locked: false };
    const locked = w.lockedUntil > this.now();
    return locked
      ? { consecutiveWrong: w.count, locked, lockedUntil: w.lockedUntil }
      : { consecutiveWrong: w.count, locked };
  }

  /**
   * Unused tokens of the number issued in the limit window. Those that left the window are
   * dropped from the front; what remains is at most the limit (redeem stops there), so the cost
   * does not grow with the number of logins.
   */
  unusedTokenCount(phone: string): number {
    const unused = this.unusedByPhone.get(phone);
    if (!unused) return 0;
    const since = this.now() - this.limits.unusedTokenWindowMs;
    for (const t of unused) {
      if (t.issuedAt > since) break;
      unused.delete(t);
    }
    if (unused.size === 0) this.unusedByPhone.delete(phone);
    let n = 0;
    for (const t of unused) if (t.issuedAt > since) n++;
    return n;
  }

  private markUsed(t: TokenEntry): void {
    t.used = true;
    this.dropUnused(t);
  }

  /** Takes a token out of its number's unused set (used, or forgotten). */
  private dropUnused(t: TokenEntry): void {
    const unused = this.unusedByPhone.get(t.phone);
    unused?.delete(t);
    if (unused?.size === 0) this.unusedByPhone.delete(t.phone);
  }

  /**
   * authGetToken: checks the accessToken and the typed number, then issues a token.
   * `phoneHash` is MD5 of the completed number; for authLevel "1" (and "5", whose UI the
   * integrator draws) the masked number as shown is accepted too (docs/protocol.md).
   */
  redeem(input: {
    accessToken: string;
    appId: string;
    phoneHash: string;
    userInformation: string;
    expandParams: string;
  }): TokenResult<TokenEntry> {
    const now = this.now();
    const at = this.accessTokens.get(input.accessToken);
    if (!at) return { ok: false, code: "104007", reason: "unknown accessToken" };
    if (at.used)
      return {
        ok: false,
        code: "104007",
        reason: "accessToken already used: fetch the number again",
      };
    if (at.expiresAt <= now)
      return {
        ok: false,
        code: "104007",
        reason: `accessToken expired (it lives ${this.limits.accessTokenTtlMs / 1000} s)`,
      };
    if (at.appId !== input.appId)
      return { ok: false, code: "104008", reason: "accessToken was issued to another appId" };

    const w = this.wrong.get(at.phone) ?? { count: 0, lockedUntil: 0 };
    if (w.lockedUntil > now) {
      return {
        ok: false,
        code: LOCKED,
        reason: `number locked after ${this.limits.lockAfterWrong} consecutive wrong entries`,
      };
    }
    const accepted = [md5(at.phone)];
    if (at.authLevel === "1" || at.authLevel === "5") {
      accepted.push(...confirmedNumberForms(at.maskPhone).map(md5));
    }
    if (!accepted.includes(input.phoneHash.toLowerCase())) {
      // At authLevel 1 nothing was typed, so a mismatch is not a wrong guess at the digits.
      if (at.authLevel === "1") {
        return { ok: false, code: WRONG_DIGITS, reason: "phone is not MD5 of the shown number" };
      }
      w.count += 1;
      if (w.count >= this.limits.lockAfterWrong) {
        w.count = 0;
        w.lockedUntil = now + this.limits.lockMs;
      }
      this.wrong.set(at.phone, w);
      const left =
        w.lockedUntil > now
          ? "the number is now locked"
          : `${this.limits.lockAfterWrong - w.count} tries left`;
      return {
        ok: false,
        code: WRONG_DIGITS,
        reason: `the digits do not complete the number (${left})`,
      };
    }
    this.wrong.delete(at.phone);

    if (this.unusedTokenCount(at.phone) >= this.limits.unusedTokenLimit) {
      return {
        ok: false,
        code: TOKEN_LIMIT_CODE,
        reason:
          `${this.limits.unusedTokenLimit} unused tokens for this number ` +
          `in the last ${this.limits.unusedTokenWindowMs / 60_000} minutes`,
      };
    }
    at.used = true;
    const entry: TokenEntry = {
      appId: at.appId,
      traceId: at.traceId,
      simId: at.simId,
      phone: at.phone,
      maskPhone: at.maskPhone,
      carrier: at.carrier,
      issuedAt: now,
      expiresAt: now + this.limits.tokenTtlMs,
      used: false,
      token: "STsid" + randomBytes(32).toString("hex"),
      userInformation: input.userInformation,
      expandParams: input.expandParams,
    };
    this.prune();
    this.tokens.set(entry.token, entry);
    const unused = this.unusedByPhone.get(entry.phone) ?? new Set<TokenEntry>();
    unused.add(entry);
    this.unusedByPhone.set(entry.phone, unused);
    return { ok: true, value: entry };
  }

  /** tokenValidate's token checks; consumes the token only when everything matches. */
  validate(input: {
    token: string;
    appId: string;
    userInformation: string;
  }): TokenResult<TokenEntry> {
    const t = this.tokens.get(input.token);
    if (!t) return { ok: false, code: "104007", reason: "unknown token" };
    if (t.used)
      return { ok: false, code: "104007", reason: "token already used (tokens are single use)" };
    if (t.expiresAt <= this.now())
      return {
        ok: false,
        code: "104007",
        reason: `token expired (tokens live ${this.limits.tokenTtlMs / 1000} s)`,
      };
    if (t.appId !== input.appId)
      return { ok: false, code: "104008", reason: "token was issued to another appId" };
    if (input.userInformation !== t.userInformation) {
      const decoded = safeDecode(t.userInformation);
      if (decoded !== undefined && decoded === input.userInformation) {
        return {
          ok: false,
          code: "104008",
          reason:
            "userinfo 校验失败: userInformation was URL-decoded (e.g. %3D became =); " +
            "pass it on exactly as the SDK returned it",
        };
      }
      return {
        ok: false,
        code: "104008",
        reason: "userinfo 校验失败: userInformation differs from the one sent with authGetToken",
      };
    }
    this.markUsed(t);
    return { ok: true, value: t };
  }

  /** Forgets entries past every window, oldest first, stopping at the first one still kept. */
  private prune(): void {
    // Keep unused tokens for the whole limit window: they still count against the number. Kept
    // past their lifetime, an expired or used one is told apart from an unknown one.
    const cutoff =
      this.now() -
      Math.max(
        this.limits.unusedTokenWindowMs,
        this.limits.accessTokenTtlMs,
        this.limits.tokenTtlMs,
      );
    for (const [k, v] of this.accessTokens) {
      if (v.expiresAt >= cutoff) break;
      this.accessTokens.delete(k);
    }
    for (const [k, v] of this.tokens) {
      if (v.issuedAt >= cutoff) break;
      this.tokens.delete(k);
      this.dropUnused(v);
    }
  }
}
