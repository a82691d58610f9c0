import { describe, expect, it } from 'vitest';
import { describeUnreachableSource, findUnreachableSources } from './source-reachability';

const broker = { nodeId: 1, host: 'broker-1', port: 9092 };
const healthy = { clusterId: 'main', brokers: [broker], errors: [] };

describe('findUnreachableSources', () => {
  it('finds nothing when every cluster answered and Redis was read', () => {
    expect(findUnreachableSources({ kafka: [healthy], redisUnreachableReason: null })).toEqual([]);
  });

  it('reports a cluster with no broker found and its cluster error, without the prefix', () => {
    const down = { clusterId: 'down', brokers: [], errors: [{ scope: 'cluster', message: 'cluster unreachable: connection failed (ECONNREFUSED)' }] };
    const slow = { clusterId: 'slow', brokers: [], errors: [{ scope: 'cluster', message: 'cluster unreachable: no answer within 5000 ms' }] };
    expect(findUnreachableSources({ kafka: [healthy, down, slow], redisUnreachableReason: null })).toEqual([
      { kind: 'kafka', clusterId: 'down', reason: 'connection failed (ECONNREFUSED)' },
      { kind: 'kafka', clusterId: 'slow', reason: 'no answer within 5000 ms' },
    ]);
  });

  it('does not call a partial failure an outage', () => {
    const partial = {
      clusterId: 'partial',
      brokers: [broker],
      errors: [
        { scope: 'group:billing', message: 'DescribeGroups failed: no answer within 5000 ms' },
        { scope: 'broker:2', message: 'ListGroups on broker 2 failed: connection failed (ECONNREFUSED)' },
        { scope: 'cluster', message: 'FindCoordinator failed: Kafka answered COORDINATOR_NOT_AVAILABLE' },
      ],
    };
    expect(findUnreachableSources({ kafka: [partial], redisUnreachableReason: null })).toEqual([]);
  });

  it('reports Redis when it could not be read', () => {
    expect(findUnreachableSources({ kafka: [], redisUnreachableReason: 'connection refused' }))
      .toEqual([{ kind: 'redis', reason: 'connection refused' }]);
  });
});

describe('describeUnreachableSource', () => {
  it('names the source, the reason and what it means for the figures', () => {
    expect(describeUnreachableSource({ kind: 'kafka', clusterId: 'eu', reason: 'no answer within 5000 ms' }))
      .toBe('Kafka cluster “eu” is unreachable: no answer within 5000 ms. Figures from it are missing or stale.');
    expect(describeUnreachableSource({ kind: 'redis', reason: 'connection refused' }))
      .toBe('Redis is unreachable: connection refused. Figures from it are missing or stale.');
  });
});
