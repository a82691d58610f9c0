#!/usr/bin/env bash
# Runs one of Kafka's own command-line tools with the project's jars, e.g.
#   scripts/kafka-tool.sh consumer-groups --bootstrap-server 127.0.0.1:9092 --describe --all-groups
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/kafka-env.sh"
bash "$ROOT_DIR/scripts/kafka-fetch.sh"
mkdir -p "$KAFKA_RUN_DIR"
tool="${1:?usage: kafka-tool.sh consumer-groups|topics|producer-perf ... }"; shift
case "$tool" in
  consumer-groups) main_class=org.apache.kafka.tools.consumer.group.ConsumerGroupCommand ;;
  topics) main_class=org.apache.kafka.tools.TopicCommand ;;
  get-offsets) main_class=org.apache.kafka.tools.GetOffsetShell ;;
  *) echo "kafka-tool: unknown tool '$tool'" >&2; exit 2 ;;
esac
KAFKA_JAVA_OPTS="${KAFKA_JAVA_OPTS:--Xms64m -Xmx256m -XX:TieredStopAtLevel=1}" kafka_run_class "$main_class" "$@"
