// Adds up the JSON reports of Vitest and Playwright into one closing line.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const directory = process.argv[2] ?? '.test-reports';
let passed = 0;
let failed = 0;
let skipped = 0;

function countPlaywrightSuite(suite) {
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests ?? []) {
      const status = test.status ?? test.results?.at(-1)?.status;
      if (status === 'expected' || status === 'flaky') passed += 1;
      else if (status === 'skipped') skipped += 1;
      else failed += 1;
    }
  }
  for (const child of suite.suites ?? []) countPlaywrightSuite(child);
}

// A missing report means a runner did not finish: that must not read as fewer tests passing.
const expectedReports = ['unit-results.json', 'integration-results.json', 'faults-results.json', 'e2e-results.json'];
const present = readdirSync(directory);
const missing = expectedReports.filter((name) => !present.includes(name));
if (missing.length > 0) {
  console.error(`missing test reports: ${missing.join(', ')}`);
  process.exit(1);
}

for (const file of expectedReports) {
  const report = JSON.parse(readFileSync(path.join(directory, file), 'utf8'));
  if (typeof report.numPassedTests === 'number') {
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  } else {
    for (const suite of report.suites ?? []) countPlaywrightSuite(suite);
  }
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
