import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { ApiError } from '@/lib/api/errors';
import { groupPathParameters, resolveClusterId, topicPathParameters } from './query';

const one = [{ id: 'local' }];
const two = [{ id: 'prod' }, { id: 'dev' }];

describe('resolveClusterId', () => {
  it('takes cluster_id when given, and the only cluster when not', () => {
    expect(resolveClusterId(new URLSearchParams('cluster_id=dev'), two)).toBe('dev');
    expect(resolveClusterId(new URLSearchParams(''), one)).toBe('local');
  });

  it('requires cluster_id when several clusters are configured', () => {
    expect(() => resolveClusterId(new URLSearchParams(''), two)).toThrow(ApiError);
    expect(() => resolveClusterId(new URLSearchParams(''), two)).toThrow(/prod, dev/);
  });

  it('rejects malformed, unknown and repeated parameters', () => {
    expect(() => resolveClusterId(new URLSearchParams('cluster_id='), one)).toThrow(ZodError);
    expect(() => resolveClusterId(new URLSearchParams('cluster_id=a%20b'), one)).toThrow(ZodError);
    expect(() => resolveClusterId(new URLSearchParams('clusterId=local'), one)).toThrow(ZodError);
    expect(() => resolveClusterId(new URLSearchParams('cluster_id=a&cluster_id=b'), one)).toThrow(/more than once/);
  });
});

describe('path parameters', () => {
  it('accepts any group id and only legal topic names', () => {
    expect(groupPathParameters.parse({ group_id: 'a b/c.ü %41' }).group_id).toBe('a b/c.ü %41');
    expect(() => groupPathParameters.parse({ group_id: '' })).toThrow(ZodError);
    expect(topicPathParameters.parse({ topic_name: 'orders.v2_eu-1' }).topic_name).toBe('orders.v2_eu-1');
    expect(() => topicPathParameters.parse({ topic_name: 'a/b' })).toThrow(ZodError);
  });
});
