import { apiVersionsV3, type API } from '@platformatic/kafka';
import { sendToAnyBroker, type RequestContext } from './broker-requests';
import { UnsupportedByBrokerError } from './describe-failure';

/** Kafka API keys this module sends. */
export const apiKeys = {
  listOffsets: 2,
  metadata: 3,
  offsetFetch: 9,
  findCoordinator: 10,
  describeGroups: 15,
  listGroups: 16,
  describeConfigs: 32,
  consumerGroupDescribe: 69,
} as const;

/** apiKey -> versions the broker accepts. */
export type BrokerApiVersions = Map<number, { minVersion: number; maxVersion: number }>;

export const clientSoftwareName = 'lagboard';
export const clientSoftwareVersion = '0.1.0';

/**
 * Asked once per observation of the first broker that answers, so one module works with
 * Kafka 3.x (no ListGroups v5, no ConsumerGroupDescribe) and 4.x. A cluster in the middle of
 * a rolling upgrade could differ per broker; the first broker's answer is used for all.
 */
export async function readBrokerApiVersions(context: RequestContext): Promise<BrokerApiVersions> {
  const response = await sendToAnyBroker(context, 'ApiVersions', apiVersionsV3.api, [clientSoftwareName, clientSoftwareVersion]);
  return new Map(response.apiKeys.map((entry) => [entry.apiKey, { minVersion: entry.minVersion, maxVersion: entry.maxVersion }]));
}

/** The highest version both the broker and our implementations speak. */
export function chooseApi<Arguments extends unknown[], Response>(
  versions: BrokerApiVersions,
  apiName: string,
  apiKey: number,
  implementations: Record<number, API<Arguments, Response>>,
): { version: number; api: API<Arguments, Response> } {
  const range = versions.get(apiKey);
  const candidates = Object.keys(implementations).map(Number).sort((left, right) => right - left);
  for (const version of candidates) {
    const api = implementations[version];
    if (range && api && version >= range.minVersion && version <= range.maxVersion) {
      return { version, api };
    }
  }
  throw new UnsupportedByBrokerError(apiName);
}
