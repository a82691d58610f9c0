import 'server-only';
import { getDb } from '@/lib/db';
import { findAlertRule } from './rule-catalog';

/**
 * Where a group's alerts fired and resolved in a range, as trend-chart markers (the chart's
 * marker mechanism, kind `alert`). Info-level events (rebalanced, lag spike) are left out: the
 * chart already marks rebalances, and a spike is visible in the line itself.
 */
export async function loadAlertMarkers(clusterId: string, groupId: string, range: { fromMs: number; toMs: number }) {
  const db = await getDb();
  const events = await db.alertEvent.findMany({
    where: {
      kind: { in: ['firing', 'resolved'] },
      at: { gte: new Date(range.fromMs), lte: new Date(range.toMs) },
      alert: { clusterId, groupId, severity: { not: 'info' } },
    },
    select: { kind: true, at: true, alert: { select: { ruleId: true } } },
    orderBy: { at: 'asc' },
    take: 200,
  });
  return events.map((event) => ({
    atMs: event.at.getTime(),
    label: `${event.kind === 'firing' ? 'alert' : 'resolved'}: ${findAlertRule(event.alert.ruleId)?.title ?? event.alert.ruleId}`,
    kind: 'alert' as const,
  }));
}
