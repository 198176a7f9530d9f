// A Playwright reporter that adds one closing line after `list`'s report, in the form
// `e2e: 61 passed, 2 failed, 0 flaky, 0 skipped`, so that a log's last line says how the run
// went (xtask and CI logs are read from the bottom).

export default class Summary {
  onBegin(_config, suite) {
    this.suite = suite;
  }

  onEnd(result) {
    const counts = { passed: 0, failed: 0, flaky: 0, skipped: 0 };
    for (const test of this.suite.allTests()) {
      const outcome = test.outcome();
      if (outcome === "expected") counts.passed++;
      else if (outcome === "unexpected") counts.failed++;
      else if (outcome === "flaky") counts.flaky++;
      else counts.skipped++;
    }
    const interrupted = result.status === "interrupted" || result.status === "timedout" ? ` (run ${result.status})` : "";
    console.log(`\ne2e: ${counts.passed} passed, ${counts.failed} failed, ${counts.flaky} flaky, ${counts.skipped} skipped${interrupted}`);
  }
}
