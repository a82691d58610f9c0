import { describe, expect, it } from 'vitest';
import type { CommandResult } from './connection';
import { groupCommands, parseGroupReplies, summarizeEntries } from './read-group-details';
import type { GroupHead } from './read-stream';

const limits = { pendingDetailLimit: 3, lagEstimateLimit: 100 };
const head = (overrides: Partial<GroupHead>): GroupHead => ({
  name: 'g', consumerCount: 1, pending: 0, lastDeliveredId: '5-0', entriesRead: 5, lag: 0, ...overrides,
});
const ok = (value: unknown): CommandResult => ({ ok: true, value });
const names = (commands: ReturnType<typeof groupCommands>) => commands.map((command) => command.slice(0, 2).join(' '));

describe('groupCommands', () => {
  it('asks nothing for a group round 1 shows empty and caught up', () => {
    expect(groupCommands('s', head({ consumerCount: 0 }), limits)).toEqual([]);
    expect(names(groupCommands('s', head({}), limits))).toEqual(['XINFO CONSUMERS']);
  });

  it('derives the summary from a detail that can hold every pending entry, asking one more', () => {
    const commands = groupCommands('s', head({ pending: 3 }), limits);
    expect(names(commands)).toEqual(['XINFO CONSUMERS', 'XPENDING s']);
    expect(commands[1]).toEqual(['XPENDING', 's', 'g', '-', '+', 4]);
  });

  it('asks for the summary when more is pending than the detail holds, and counts nil lag', () => {
    const commands = groupCommands('s', head({ pending: 4, lag: null }), limits);
    expect(commands).toEqual([
      ['XINFO', 'CONSUMERS', 's', 'g'],
      ['XPENDING', 's', 'g'],
      ['XPENDING', 's', 'g', '-', '+', 3],
      ['XRANGE', 's', '5-1', '+', 'COUNT', 101],
    ]);
  });
});

describe('parseGroupReplies', () => {
  const consumers = ok([['name', 'b', 'pending', 2, 'idle', 10], ['name', 'a', 'pending', 1, 'idle', 5]]);

  it('builds the summary Redis would give from the complete detail', () => {
    const detail = ok([['1-0', 'b', 700, 1], ['2-0', 'a', 600, 1], ['3-0', 'b', 500, 2]]);
    const group = parseGroupReplies(head({ pending: 3 }), [consumers, detail], limits);
    expect(group.pendingSummary).toEqual({
      count: 3, oldestId: '1-0', newestId: '3-0', oldestIdleMs: 700,
      perConsumer: [{ consumer: 'a', count: 1 }, { consumer: 'b', count: 2 }],
    });
    expect(group.oldestPending).toHaveLength(3);
    expect(group.error).toBeUndefined();
  });

  it('says so, and gives no summary, when entries became pending beyond the limit meanwhile', () => {
    const detail = ok([['1-0', 'a', 4, 1], ['2-0', 'a', 3, 1], ['3-0', 'a', 2, 1], ['4-0', 'a', 1, 1]]);
    const group = parseGroupReplies(head({ pending: 2 }), [consumers, detail], limits);
    expect(group.pendingSummary).toBeNull();
    expect(group.oldestPending.map((entry) => entry.id)).toEqual(['1-0', '2-0', '3-0']);
    expect(group.error).toMatch(/beyond the detail limit/);
  });

  it('reports nothing pending without asking', () => {
    expect(parseGroupReplies(head({ consumerCount: 0 }), [], limits)).toMatchObject({
      consumers: [], oldestPending: [], pendingSummary: { count: 0, oldestId: null, newestId: null, oldestIdleMs: null, perConsumer: [] },
    });
  });
});

describe('summarizeEntries', () => {
  it('orders consumers by bytes, as Redis does', () => {
    const entries = [{ id: '1-0', consumer: 'é', idleMs: 0, deliveryCount: 1 }, { id: '2-0', consumer: 'z', idleMs: 0, deliveryCount: 1 }, { id: '3-0', consumer: 'Z', idleMs: 0, deliveryCount: 1 }];
    expect(summarizeEntries(entries).perConsumer.map((item) => item.consumer)).toEqual(['Z', 'z', 'é']);
  });
});
