#!/usr/bin/env bash
# Makes sure the local services the tests need are up: Redis and PostgreSQL (started when
# installed but stopped) and Debian's Chromium for Playwright (installed with apt when missing).
set -euo pipefail

redis_host_port="${REDIS_HOST:-127.0.0.1} ${REDIS_PORT:-6379}"
if ! redis-cli -h ${redis_host_port% *} -p ${redis_host_port#* } ping >/dev/null 2>&1; then
  if command -v redis-server >/dev/null 2>&1; then
    echo "services: starting Redis"
    mkdir -p /tmp/lagboard-redis
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no --dir /tmp/lagboard-redis >/dev/null
    sleep 1
  fi
  redis-cli ping >/dev/null 2>&1 || { echo "services: Redis is not reachable on 127.0.0.1:6379 (Debian: apt-get install -y redis-server)" >&2; exit 1; }
fi

if ! pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1; then
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    echo "services: starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
    for _ in $(seq 1 20); do pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1 && break; sleep 0.5; done
  fi
  pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1 || { echo "services: PostgreSQL is not reachable on 127.0.0.1:5432 (Debian: apt-get install -y postgresql)" >&2; exit 1; }
fi

# promtool checks the shipped Prometheus rules file.
if ! command -v promtool >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "services: installing Debian's prometheus package for promtool"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null || true
  fi
  command -v promtool >/dev/null 2>&1 || { echo "services: promtool is missing (Debian: sudo apt-get install -y prometheus)" >&2; exit 1; }
fi

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "services: installing Debian's chromium for the browser tests"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "services: Chromium is missing; install it (Debian: sudo apt-get install -y chromium) or set CHROMIUM_PATH" >&2
    exit 1
  fi
fi
