#!/usr/bin/env bash
# Runs every test: lint and types, unit tests, integration tests against a real Kafka broker,
# Redis and PostgreSQL, and Playwright end-to-end tests against the built dashboard.
# Starts what it needs (a Kafka 4 broker on port 19092 and a Kafka 3 broker on 19096, with fresh
# storage) and stops them after.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export NEXT_TELEMETRY_DISABLED=1
export TEST_KAFKA_PORT="${TEST_KAFKA_PORT:-19092}"
# A Kafka 3.x broker beside it for the compatibility test (tests/support/test-env.ts).
export TEST_KAFKA3_PORT="${TEST_KAFKA3_PORT:-19096}"
export TEST_KAFKA3_VERSION="${TEST_KAFKA3_VERSION:-3.9.1}"
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
# Not test-results/: Playwright empties that folder when it starts.
results_dir=.test-reports
mkdir -p "$results_dir"
rm -f "$results_dir"/*-results.json

stop_broker() {
  KAFKA_PORT="$TEST_KAFKA_PORT" bash scripts/kafka-stop.sh >/dev/null 2>&1 || true
  KAFKA_PORT="$TEST_KAFKA3_PORT" KAFKA_VERSION="$TEST_KAFKA3_VERSION" bash scripts/kafka-stop.sh >/dev/null 2>&1 || true
}
trap stop_broker EXIT

step() { printf '\n=== %s\n' "$*"; }

step "services"
bash scripts/ensure-services.sh
# Fresh broker storage: no test may depend on topics or groups left by an earlier run.
KAFKA_PORT="$TEST_KAFKA_PORT" KAFKA_WIPE_DATA=1 bash scripts/kafka-stop.sh >/dev/null
KAFKA_PORT="$TEST_KAFKA_PORT" bash scripts/kafka-start.sh
KAFKA_PORT="$TEST_KAFKA3_PORT" KAFKA_VERSION="$TEST_KAFKA3_VERSION" KAFKA_WIPE_DATA=1 bash scripts/kafka-stop.sh >/dev/null
KAFKA_PORT="$TEST_KAFKA3_PORT" KAFKA_VERSION="$TEST_KAFKA3_VERSION" bash scripts/kafka-start.sh

step "lint and types"
npx eslint . --max-warnings 0
npx tsc --noEmit -p .

step "unit tests"
npx vitest run --project unit --reporter=default --reporter=json --outputFile.json="$results_dir/unit-results.json"

step "integration tests (real Kafka, Redis, PostgreSQL)"
npx vitest run --project integration --reporter=default --reporter=json --outputFile.json="$results_dir/integration-results.json"

step "build for end-to-end tests"
NEXT_DIST_DIR=.next-test npx next build

step "fault suite (own Redis, PostgreSQL, Kafka and dashboard, stopped and restarted in turn)"
# Its checks count in the summary; a failure here must not hide the end-to-end results.
npm run test:faults || echo "fault suite: failures, see $results_dir/faults-results.json"

step "end-to-end tests (Playwright, Debian chromium)"
npx playwright test

step "summary"
node scripts/summarize-test-results.mjs "$results_dir"
