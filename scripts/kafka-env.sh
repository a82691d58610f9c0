# Shared settings for the local Kafka scripts (sourced, not run).
# KAFKA_PORT picks the broker port; each port gets its own data, log and pid files,
# so the demo (9092) and the test suite (19092) can run side by side.
ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))}"
KAFKA_HOME_DIR="${KAFKA_HOME_DIR:-$ROOT_DIR/.kafka}"
# KAFKA_VERSION picks the broker release (the tests also run one 3.x broker); each version has
# its own jar folder, the default keeps the plain `lib`.
KAFKA_DEFAULT_VERSION=4.4.0
KAFKA_VERSION="${KAFKA_VERSION:-$KAFKA_DEFAULT_VERSION}"
if [ "$KAFKA_VERSION" = "$KAFKA_DEFAULT_VERSION" ]; then
  KAFKA_LIB_DIR="$KAFKA_HOME_DIR/lib"
else
  KAFKA_LIB_DIR="$KAFKA_HOME_DIR/lib-$KAFKA_VERSION"
fi
KAFKA_RUN_DIR="$KAFKA_HOME_DIR/run-$KAFKA_PORT"
KAFKA_PID_FILE="$KAFKA_RUN_DIR/broker.pid"
KAFKA_LOG_FILE="$KAFKA_RUN_DIR/broker.log"

kafka_classpath() {
  printf '%s' "$KAFKA_LIB_DIR/*"
}

# Runs one Kafka class (broker, storage tool or command-line tool) with the project's jars.
kafka_java_command() {
  local main_class="$1"; shift
  # shellcheck disable=SC2086 # KAFKA_JAVA_OPTS is a list of JVM flags
  printf '%s\0' java ${KAFKA_JAVA_OPTS:--Xms128m -Xmx512m} \
    "-Dlog4j2.configurationFile=$ROOT_DIR/scripts/kafka/log4j2.properties" \
    -cp "$(kafka_classpath)" "$main_class" "$@"
}

kafka_run_class() {
  local command=()
  mapfile -d '' command < <(kafka_java_command "$@")
  "${command[@]}"
}

kafka_is_listening() {
  (exec 3<>"/dev/tcp/127.0.0.1/$KAFKA_PORT") 2>/dev/null
}
