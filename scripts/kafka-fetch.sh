#!/usr/bin/env bash
# Downloads the Apache Kafka broker and tools jars from Maven Central once (cached in .kafka/lib).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/kafka-env.sh"

if ! command -v java >/dev/null 2>&1; then
  echo "kafka: Java 17+ is required (Debian: apt-get install -y openjdk-17-jre-headless)" >&2
  exit 3
fi
if [ -f "$KAFKA_LIB_DIR/.complete" ]; then
  exit 0
fi
if ! command -v mvn >/dev/null 2>&1; then
  echo "kafka: Maven is required to fetch the broker jars (Debian: apt-get install -y maven)" >&2
  exit 3
fi
echo "kafka: fetching Kafka $KAFKA_VERSION jars from Maven Central into $KAFKA_LIB_DIR ..."
rm -rf "$KAFKA_LIB_DIR"
# Maven's console still writes colour resets in batch mode; strip them so the next line starts clean.
mvn -q -B -Dstyle.color=never -f "$ROOT_DIR/scripts/kafka/pom.xml" dependency:copy-dependencies \
  -Dkafka.version="$KAFKA_VERSION" -DoutputDirectory="$KAFKA_LIB_DIR" -DincludeScope=runtime 2>&1 \
  | sed -e $'s/\x1b\\[[0-9;]*m//g'
touch "$KAFKA_LIB_DIR/.complete"
