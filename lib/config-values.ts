/** The parsers of Lagboard's structured settings: plain functions, also used outside the config. */

export interface KafkaClusterConfig {
  id: string;
  brokers: string[];
}

const hostPortPattern = /^[A-Za-z0-9.\-_]+:\d{1,5}$|^\[[0-9A-Fa-f:]+\]:\d{1,5}$/;
const clusterIdPattern = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** Parses `id=host:port[,host:port][;id2=…]`. */
export function parseKafkaClusters(text: string): KafkaClusterConfig[] {
  const clusters: KafkaClusterConfig[] = [];
  for (const entry of text.split(';').map((part) => part.trim()).filter(Boolean)) {
    const separatorIndex = entry.indexOf('=');
    if (separatorIndex <= 0) {
      throw new Error(`"${entry}" is not id=host:port[,host:port]`);
    }
    const id = entry.slice(0, separatorIndex).trim();
    if (!clusterIdPattern.test(id)) {
      throw new Error(`cluster id "${id}" must be 1-64 letters, digits, '.', '_' or '-'`);
    }
    const brokers = entry.slice(separatorIndex + 1).split(',').map((broker) => broker.trim()).filter(Boolean);
    if (brokers.length === 0) {
      throw new Error(`cluster "${id}" has no brokers`);
    }
    for (const broker of brokers) {
      const port = Number(broker.slice(broker.lastIndexOf(':') + 1));
      if (!hostPortPattern.test(broker) || port < 1 || port > 65535) {
        throw new Error(`broker "${broker}" of cluster "${id}" is not host:port`);
      }
    }
    if (clusters.some((cluster) => cluster.id === id)) {
      throw new Error(`cluster id "${id}" appears twice`);
    }
    clusters.push({ id, brokers });
  }
  if (clusters.length === 0) {
    throw new Error('at least one cluster is required');
  }
  return clusters;
}

const topicNamePattern = /^[A-Za-z0-9._-]{1,249}$/;

/**
 * Parses `topic=lag[,topic=lag]` (seed 004 roadmap: "lag alert threshold per topic"). Kafka topic
 * names are letters, digits, '.', '_' and '-', so ',' and '=' cannot be part of one.
 */
export function parseTopicThresholds(text: string): Record<string, number> {
  const thresholds: Record<string, number> = {};
  for (const entry of text.split(',').map((part) => part.trim()).filter(Boolean)) {
    const separatorIndex = entry.lastIndexOf('=');
    const topic = entry.slice(0, separatorIndex).trim();
    const lagText = entry.slice(separatorIndex + 1).trim();
    if (separatorIndex <= 0 || !topicNamePattern.test(topic)) {
      throw new Error(`"${entry}" is not topic=lag (topic names use letters, digits, '.', '_', '-')`);
    }
    const lag = Number(lagText);
    if (!/^\d+$/.test(lagText) || !Number.isSafeInteger(lag)) {
      throw new Error(`lag threshold "${lagText}" of topic "${topic}" is not a whole number`);
    }
    if (Object.hasOwn(thresholds, topic)) {
      throw new Error(`topic "${topic}" appears twice`);
    }
    thresholds[topic] = lag;
  }
  return thresholds;
}

const durationUnitsMs: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses a duration such as `48h`, `30d`, `90m`, `45s` or `500ms` into milliseconds. */
export function parseDurationMs(text: string): number {
  const match = /^(\d+)\s*(ms|s|m|h|d)$/.exec(text.trim());
  if (!match) {
    throw new Error(`"${text}" is not a duration like 48h, 30d, 90m or 45s`);
  }
  return Number(match[1]) * (durationUnitsMs[match[2] as string] as number);
}
