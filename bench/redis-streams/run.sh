#!/usr/bin/env bash
# npm run bench:redis — Lagboard's Redis Streams observation and consumer-lag endpoint against
# Debian's prometheus-redis-exporter and the seed's sequential XINFO loop, on 1,000 streams in
# Redis db 9 (a unique key prefix, deleted afterwards). Prints p50s and ratios, writes JSON to
# bench/results/. Installs the exporter when it is missing and this runs as root.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

if ! command -v prometheus-redis-exporter >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "bench: installing Debian's prometheus-redis-exporter"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq prometheus-redis-exporter >/dev/null
  else
    echo "bench: prometheus-redis-exporter is missing (Debian: apt-get install -y prometheus-redis-exporter); comparing with the seed's way only" >&2
  fi
fi

# react-server: the app's source modules start with `import 'server-only'`.
exec npx tsx --conditions=react-server bench/redis-streams/bench.ts "$@"
