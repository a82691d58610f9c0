import { describe, expect, it } from 'vitest';
import type { GroupHistoryWindow, GroupWindowPoint } from './group-window';
import { PersistedFirstGroupHistoryWindow } from './persisted-first-window';

const point = (observedAtMs: number): GroupWindowPoint => ({ observedAtMs, state: 'Stable', generationOrEpoch: 1, memberCount: 1, partitions: [] });

function fixedWindow(points: GroupWindowPoint[], recorded: string[] = []): GroupHistoryWindow {
  return {
    record: async (clusterId) => {
      recorded.push(clusterId);
    },
    recentPoints: async (_clusterId, _groupId, sinceMs) => points.filter((entry) => entry.observedAtMs >= sinceMs),
  };
}

describe('PersistedFirstGroupHistoryWindow', () => {
  const nowMs = 1_000_000;

  it('reads the persisted points while the newest one is fresh', async () => {
    const window = new PersistedFirstGroupHistoryWindow(fixedWindow([point(900_000), point(910_000)]), fixedWindow([point(999_000)]), 90_000, () => nowMs);
    await expect(window.recentPoints('c', 'g', 0)).resolves.toEqual([point(900_000), point(910_000)]);
  });

  it('falls back to memory when the persisted points are stale or missing', async () => {
    const stale = new PersistedFirstGroupHistoryWindow(fixedWindow([point(909_999)]), fixedWindow([point(999_000)]), 90_000, () => nowMs);
    await expect(stale.recentPoints('c', 'g', 0)).resolves.toEqual([point(999_000)]);
    const none = new PersistedFirstGroupHistoryWindow(fixedWindow([]), fixedWindow([point(999_000)]), 90_000, () => nowMs);
    await expect(none.recentPoints('c', 'g', 0)).resolves.toEqual([point(999_000)]);
  });

  it('records observations in memory only', async () => {
    const persistedRecords: string[] = [];
    const memoryRecords: string[] = [];
    const window = new PersistedFirstGroupHistoryWindow(fixedWindow([], persistedRecords), fixedWindow([], memoryRecords), 90_000);
    await window.record('cluster-a', { clusterId: 'cluster-a', kafkaClusterUuid: null, observedAtMs: 0, brokers: [], controllerId: null, groups: [], topics: [], errors: [], requestCount: 0 });
    expect(memoryRecords).toEqual(['cluster-a']);
    expect(persistedRecords).toEqual([]);
  });
});
