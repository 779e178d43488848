/** Identifiers and timestamps the integrator's server generates for each flow. */
import { randomBytes } from "node:crypto";
import { formatTimestamp } from "../protocol/timestamp";

/** 32 lowercase hex characters: unique enough per flow, safe in headers and JSON. */
export function newTraceId(): string {
  return randomBytes(16).toString("hex");
}

/** The protocol's 17-digit `yyyyMMddHHmmssSSS` timestamp in local time. */
export function newTimestamp(date: Date = new Date()): string {
  return formatTimestamp(date);
}
