/** `getConnection(appid)`: the network type, synchronously and without any network I/O. */

import { ALPHANUMERIC, randomString, type Random } from "./random";
import type { Connection } from "./types";

type NetType = Connection["netType"];

function netType(nav: Navigator | undefined): NetType {
  try {
    const connection = nav && (nav as { connection?: { type?: unknown } }).connection;
    const type = connection && connection.type;
    if (type === "cellular" || type === "wifi") return type;
  } catch {
    // an exotic navigator getter: nothing to learn from it
  }
  return "unknown";
}

export function getConnection(appid: unknown, nav: Navigator | undefined, random: Random): Connection {
  return {
    appid: appid == null ? "" : String(appid),
    msgid: randomString(ALPHANUMERIC, 32, random),
    netType: netType(nav),
  };
}
