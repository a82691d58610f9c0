#!/usr/bin/env bash
# One command for a live local Lagboard: a Kafka broker, a workload that shows every
# situation the dashboard explains, and the dashboard on http://127.0.0.1:${PORT:-3000}.
# Missing Java/Maven or Redis: says what to install and starts with what it has.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export PORT="${PORT:-3000}"
export NEXT_TELEMETRY_DISABLED=1
export NEXTAUTH_URL="${NEXTAUTH_URL:-http://127.0.0.1:$PORT}"
export KAFKA_CLUSTERS="${KAFKA_CLUSTERS:-local=127.0.0.1:9092}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
# Alerts within two snapshots: no "for" durations, a 100-message SLO lag (the slow and stopped
# groups pass it within a minute) and a 15 s dead-consumer idle time (instance-3 stops after 20 s).
# Production keeps the rules' own durations and the seeds' thresholds; set these to override.
export ALERT_FOR_SECONDS_MAX="${ALERT_FOR_SECONDS_MAX:-0}"
export SLO_THRESHOLD_P95_LAG="${SLO_THRESHOLD_P95_LAG:-100}"
export DEAD_CONSUMER_IDLE_MS="${DEAD_CONSUMER_IDLE_MS:-15000}"
export SNAPSHOT_INTERVAL_MS="${SNAPSHOT_INTERVAL_MS:-15000}"
demo_user="${LAGBOARD_DEMO_USER:-demo}"
demo_password="${LAGBOARD_DEMO_PASSWORD:-demo}"
workload_pid=""
server_pid=""

cleanup() {
  trap - EXIT INT TERM
  # Each child runs in its own process group (setsid), so this also stops what it forked.
  [ -n "$server_pid" ] && kill -TERM -- "-$server_pid" 2>/dev/null || true
  [ -n "$workload_pid" ] && kill -TERM -- "-$workload_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  if [ "${LAGBOARD_DEMO_KEEP_KAFKA:-0}" != "1" ]; then KAFKA_PORT=9092 bash scripts/kafka-stop.sh || true; fi
}
trap cleanup EXIT INT TERM

npx tsx scripts/check-config.ts

kafka_ok=0
if command -v java >/dev/null 2>&1 && { [ -f .kafka/lib/.complete ] || command -v mvn >/dev/null 2>&1; }; then
  KAFKA_PORT=9092 bash scripts/kafka-start.sh && kafka_ok=1
else
  echo "demo: Kafka needs Java 17+ and Maven (Debian: sudo apt-get install -y openjdk-17-jre-headless maven); starting without Kafka." >&2
fi

redis_ok=0
if npx tsx scripts/wait-for-redis.ts; then redis_ok=1; else
  echo "demo: Redis is not reachable at REDIS_URL (Debian: sudo apt-get install -y redis-server); starting without Redis streams." >&2
fi

npx tsx --conditions=react-server scripts/migrate.ts
npx tsx --conditions=react-server scripts/create-user.ts "$demo_user" "$demo_password" admin
npx tsx --conditions=react-server scripts/demo-teams.ts "$demo_user"

if [ "$kafka_ok" = 1 ] || [ "$redis_ok" = 1 ]; then
  DEMO_KAFKA="$kafka_ok" DEMO_REDIS="$redis_ok" setsid node --import tsx scripts/demo-workload.ts &
  workload_pid=$!
fi

if [ ! -f .next/BUILD_ID ] || [ -n "$(find app components lib -newer .next/BUILD_ID -type f -print -quit 2>/dev/null)" ]; then
  npx next build
fi
setsid node node_modules/next/dist/bin/next start -H 127.0.0.1 -p "$PORT" &
server_pid=$!
for _ in $(seq 1 60); do curl -fsS "http://127.0.0.1:$PORT/api/health" >/dev/null 2>&1 && break; sleep 1; done

cat <<MSG

  Lagboard is running:  http://127.0.0.1:$PORT
  Sign in with:         $demo_user / $demo_password
  Stop with Ctrl-C.

MSG
wait "$server_pid"
