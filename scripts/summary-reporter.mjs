// Prints the plain closing line `N passed, N failed, N skipped` (per layer and in total) after
// vitest's own report, so that CI logs state the count in a form any reader understands. In CI
// a skipped browser test is a failure of the run (the browser layer must never be skipped).
export default class SummaryReporter {
  onTestRunEnd(testModules) {
    const layers = new Map();
    for (const mod of testModules) {
      const layer = mod.project.name || "default";
      const c = layers.get(layer) ?? { passed: 0, failed: 0, skipped: 0 };
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") c.passed++;
        else if (state === "failed") c.failed++;
        else c.skipped++;
      }
      if (
        mod.state() === "failed" &&
        ![...mod.children.allTests()].some((t) => t.result().state === "failed")
      )
        c.failed++;
      layers.set(layer, c);
    }
    const total = { passed: 0, failed: 0, skipped: 0 };
    for (const [layer, c] of layers) {
      console.log(`${layer}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
      for (const k of Object.keys(total)) total[k] += c[k];
    }
    const browser = layers.get("browser");
    if (process.env.CI && (!browser || browser.passed === 0 || browser.skipped > 0)) {
      console.log("browser layer not fully executed in CI: counted as a failure");
      total.failed++;
      process.exitCode = 1;
    }
    console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  }
}
