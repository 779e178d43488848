/** `getConnection(appid)`: the network type, synchronously and without any network I/O. */

import { randomString } from "./random";
import { text } from "./responses";
import type { Connection } from "./types";

export function getConnection(
  appid: unknown,
  win: Window | undefined,
  random: () => number,
): Connection {
  let netType: Connection["netType"] = "unknown";
  try {
    // Missing on iOS and most desktops; an exotic getter may throw: both leave "unknown".
    const type = (win!.navigator as { connection?: { type?: unknown } }).connection!.type;
    if (type === "cellular" || type === "wifi") netType = type;
  } catch {
    // nothing to learn
  }
  return { appid: text(appid), msgid: randomString(62, 32, random), netType };
}
