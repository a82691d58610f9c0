#!/usr/bin/env bash
# Starts a single-node Kafka (broker + KRaft controller) on KAFKA_PORT and waits until it answers.
# Idempotent: if a broker started by this script is already running on that port, it returns at once.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/kafka-env.sh"

bash "$ROOT_DIR/scripts/kafka-fetch.sh"
mkdir -p "$KAFKA_RUN_DIR"

if [ -f "$KAFKA_PID_FILE" ] && kill -0 "$(cat "$KAFKA_PID_FILE")" 2>/dev/null; then
  echo "kafka: already running on 127.0.0.1:$KAFKA_PORT (pid $(cat "$KAFKA_PID_FILE"))"
  exit 0
fi
if kafka_is_listening; then
  echo "kafka: port $KAFKA_PORT is taken by another process; set KAFKA_PORT to a free port" >&2
  exit 2
fi

config="$KAFKA_RUN_DIR/server.properties"
case "$KAFKA_VERSION" in
  3.*) group_protocols=classic ;;
  *) group_protocols=classic,consumer ;;
esac
cat > "$config" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$KAFKA_RUN_DIR/data
num.partitions=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=8
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
# Both group protocols: classic and the KIP-848 consumer protocol (generally available from 4.0).
group.coordinator.rebalance.protocols=$group_protocols
group.consumer.heartbeat.interval.ms=1000
group.consumer.min.heartbeat.interval.ms=500
group.consumer.session.timeout.ms=10000
group.consumer.min.session.timeout.ms=6000
PROPS

if [ ! -f "$KAFKA_RUN_DIR/data/meta.properties" ]; then
  rm -rf "$KAFKA_RUN_DIR/data"
  kafka_run_class kafka.tools.StorageTool format --standalone \
    --cluster-id "$(kafka_run_class kafka.tools.StorageTool random-uuid)" \
    --config "$config" >"$KAFKA_RUN_DIR/format.log" 2>&1 \
    || { echo "kafka: formatting storage failed, see $KAFKA_RUN_DIR/format.log" >&2; exit 1; }
fi

echo "kafka: starting Kafka $KAFKA_VERSION broker on 127.0.0.1:$KAFKA_PORT (log: $KAFKA_LOG_FILE)"
mapfile -d '' broker_command < <(kafka_java_command kafka.Kafka "$config")
nohup "${broker_command[@]}" >"$KAFKA_LOG_FILE" 2>&1 < /dev/null &
echo $! > "$KAFKA_PID_FILE"

deadline=$((SECONDS + ${KAFKA_START_TIMEOUT_S:-90}))
until grep -q "Kafka Server started\|\[KafkaRaftServer nodeId=1\] Kafka Server started" "$KAFKA_LOG_FILE" 2>/dev/null && kafka_is_listening; do
  if ! kill -0 "$(cat "$KAFKA_PID_FILE")" 2>/dev/null; then
    echo "kafka: broker exited during start-up; last lines of $KAFKA_LOG_FILE:" >&2
    tail -n 20 "$KAFKA_LOG_FILE" >&2
    rm -f "$KAFKA_PID_FILE"
    exit 1
  fi
  if [ $SECONDS -ge $deadline ]; then
    echo "kafka: broker did not answer within ${KAFKA_START_TIMEOUT_S:-90}s; see $KAFKA_LOG_FILE" >&2
    exit 1
  fi
  sleep 0.5
done
echo "kafka: ready on 127.0.0.1:$KAFKA_PORT"
