import { ConfigResourceTypes, describeConfigsV4 } from '@platformatic/kafka';
import { apiKeys, chooseApi, type BrokerApiVersions } from './api-versions';
import { sendToAnyBroker, type RequestContext } from './broker-requests';
import { kafkaErrorName } from './describe-failure';
import type { ObservationErrors } from './observation-errors';

export interface TopicConfig {
  retentionMs: number | null;
  retentionBytes: number | null;
  cleanupPolicy: string | null;
}

// v4 is spoken by every Kafka since 2.6.
const describeConfigsApis = { 4: describeConfigsV4.api };
const configurationKeys = ['retention.ms', 'retention.bytes', 'cleanup.policy'];

function toNumber(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value.trim() === '') {
    return null;
  }
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

/** The three settings Lagboard shows for every topic, read with one DescribeConfigs request. */
export async function readTopicConfigs(
  context: RequestContext,
  versions: BrokerApiVersions,
  topicNames: string[],
  errors: ObservationErrors,
): Promise<Map<string, TopicConfig>> {
  const configs = new Map<string, TopicConfig>();
  if (topicNames.length === 0) {
    return configs;
  }
  try {
    const { api } = chooseApi(versions, 'DescribeConfigs', apiKeys.describeConfigs, describeConfigsApis);
    const resources = topicNames.map((resourceName) => ({ resourceType: ConfigResourceTypes.TOPIC, resourceName, configurationKeys }));
    const response = await sendToAnyBroker(context, 'DescribeConfigs', api, [resources, false, false]);
    for (const result of response.results) {
      if (result.errorCode !== 0) {
        errors.add(`topic:${result.resourceName}`, `DescribeConfigs: Kafka answered ${kafkaErrorName(result.errorCode)}`);
        continue;
      }
      const valueOf = (name: string) => result.configs.find((config) => config.name === name)?.value ?? null;
      configs.set(result.resourceName, {
        retentionMs: toNumber(valueOf('retention.ms')),
        retentionBytes: toNumber(valueOf('retention.bytes')),
        cleanupPolicy: valueOf('cleanup.policy'),
      });
    }
  } catch (error) {
    errors.addFailure('cluster', 'DescribeConfigs', error);
  }
  return configs;
}
