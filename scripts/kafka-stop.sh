#!/usr/bin/env bash
# Stops the broker started by kafka-start.sh on KAFKA_PORT: SIGTERM for a clean shutdown, SIGKILL after 30 s.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/kafka-env.sh"

wipe_data() {
  if [ "${KAFKA_WIPE_DATA:-0}" = "1" ]; then
    rm -rf "$KAFKA_RUN_DIR/data"
  fi
}

if [ ! -f "$KAFKA_PID_FILE" ]; then
  # A stopped broker's storage is wiped too: "fresh storage" must not depend on it having run.
  wipe_data
  echo "kafka: not running on port $KAFKA_PORT"
  exit 0
fi
pid="$(cat "$KAFKA_PID_FILE")"
if kill -0 "$pid" 2>/dev/null; then
  kill -TERM "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "kafka: broker did not stop within 30 s; killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
  fi
fi
rm -f "$KAFKA_PID_FILE"
wipe_data
echo "kafka: stopped (port $KAFKA_PORT)"
