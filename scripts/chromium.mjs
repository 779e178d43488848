// Debian's Chromium driven by playwright-core (never a downloaded browser): where it is and how it
// is launched, in one place for the browser tests, the bench and ensure-chromium.
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
].filter(Boolean);

/** The executable (CHROMIUM_PATH first), or undefined when none is installed. */
export const findChromium = () => CANDIDATES.find((p) => existsSync(p));

/** engineering.md's flags for a closed network, plus loopback-only name resolution. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  // Pages may name internet hosts (the seed's logo URLs); no lookup ever leaves the machine.
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
];

export function launchChromium() {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error(
      "Chromium not found: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH",
    );
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}
