// The browser tests drive Debian's Chromium. On a fresh machine it is missing: install it with
// apt when we are root (CI, the project's own machines), else say exactly what to run. A CJK font
// comes with it so that the screenshots the tests keep show the views' Chinese text.
import { execFileSync } from "node:child_process";
import { findChromium } from "./chromium.mjs";

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!findChromium()) {
    const root = typeof process.getuid === "function" && process.getuid() === 0;
    if (!root) {
      console.error(
        "Chromium not found. Install it (Debian: sudo apt-get install -y chromium fonts-wqy-microhei) or set CHROMIUM_PATH.",
      );
      process.exit(1);
    }
    console.log("Chromium not found: installing Debian's chromium with apt-get…");
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "chromium", "fonts-wqy-microhei"], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  }
  console.log("Chromium: " + findChromium());
}
