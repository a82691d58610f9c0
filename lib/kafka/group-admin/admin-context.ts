import type { KafkaClusterConfig } from '@/lib/config';
import { readBrokerApiVersions, apiKeys, chooseApi, type BrokerApiVersions } from '../api-versions';
import { parseBrokerAddress, sendToAnyBroker, type RequestContext } from '../broker-requests';
import { getKafkaConnectionPool } from '../client';
import { kafkaErrorName } from '../describe-failure';
import { findCoordinatorV4, findCoordinatorV5, findCoordinatorV6 } from '@platformatic/kafka';
import { ObservationErrors } from '../observation-errors';
import { readClusterMetadata, type TopicMetadata } from '../read-metadata';
import { KafkaAdminError } from './admin-error';

/** What every group write needs: the request context, the broker's API versions, topic metadata. */
export interface AdminContext {
  context: RequestContext;
  versions: BrokerApiVersions;
  topics: TopicMetadata[];
}

const findCoordinatorApis = { 4: findCoordinatorV4.api, 5: findCoordinatorV5.api, 6: findCoordinatorV6.api };
const groupKeyType = 0;

/** Connects through the cluster's shared pool and reads API versions and metadata once. */
export async function openAdminContext(cluster: KafkaClusterConfig, requestTimeoutMs: number): Promise<AdminContext> {
  const context: RequestContext = {
    pool: getKafkaConnectionPool(cluster, requestTimeoutMs),
    bootstrapBrokers: cluster.brokers.map(parseBrokerAddress),
    brokersById: new Map(),
    requestTimeoutMs,
    countRequest: () => undefined,
  };
  const versions = await readBrokerApiVersions(context);
  const metadata = await readClusterMetadata(context, versions, new ObservationErrors(requestTimeoutMs));
  return { context, versions, topics: metadata.topics };
}

/** The node id of the group's coordinator: offsets commits and group deletes must go there. */
export async function findCoordinator(admin: AdminContext, groupId: string): Promise<number> {
  const { api } = chooseApi(admin.versions, 'FindCoordinator', apiKeys.findCoordinator, findCoordinatorApis);
  const response = await sendToAnyBroker(admin.context, 'FindCoordinator', api, [groupKeyType, [groupId]]);
  const coordinator = response.coordinators.find((entry) => entry.key === groupId);
  if (!coordinator || coordinator.errorCode !== 0) {
    throw new KafkaAdminError(coordinator ? kafkaErrorName(coordinator.errorCode) : 'COORDINATOR_NOT_AVAILABLE', 'FindCoordinator');
  }
  return coordinator.nodeId;
}
