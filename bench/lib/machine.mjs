// The machine a run happened on, named in the output: these machines are noisy, and figures are
// only comparable between runs on the same kind of machine (ratios within one run travel better).
import os from "node:os";
import { execFileSync } from "node:child_process";
import { findChromium } from "../../scripts/chromium.mjs";

function chromiumVersion() {
  try {
    return execFileSync(findChromium(), ["--version"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      timeout: 10_000,
    }).trim();
  } catch (e) {
    return `n/a (${e.code ?? e.message})`;
  }
}

export function describeMachine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model?.trim() ?? "unknown",
    cores: cpus.length,
    memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium: chromiumVersion(),
    loadavg: os.loadavg().map((x) => +x.toFixed(2)),
  };
}

export function machineLine(m) {
  return `${m.cpu} · ${m.cores} cores · ${m.memoryGiB} GiB · ${m.os} · node ${m.node} · ${m.chromium} · load ${m.loadavg.join(" ")}`;
}
