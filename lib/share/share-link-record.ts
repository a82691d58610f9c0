import { chartBindingSchema, type ChartBinding, type ShareChartKind } from './chart-binding';
import { shareLinkStatus, type ShareLinkValidity } from './share-link-status';

/** A stored link as read with shareLinkSelect: never its token hash. */
export interface ShareLinkRecord {
  id: string;
  chartKind: ShareChartKind;
  clusterId: string | null;
  resourceName: string;
  streamGroup: string | null;
  range: string;
  series: string[];
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  createdBy: { id: string; username: string; disabledAt: Date | null };
}

export const shareLinkSelect = {
  id: true,
  chartKind: true,
  clusterId: true,
  resourceName: true,
  streamGroup: true,
  range: true,
  series: true,
  createdAt: true,
  expiresAt: true,
  revokedAt: true,
  createdBy: { select: { id: true, username: true, disabledAt: true } },
} as const;

export function validityOf(record: ShareLinkRecord): ShareLinkValidity {
  return { expiresAt: record.expiresAt, revokedAt: record.revokedAt, creatorDisabledAt: record.createdBy.disabledAt };
}

/** The binding as validated when the link was made; null if the stored row no longer parses. */
export function chartBindingOf(record: ShareLinkRecord): ChartBinding | null {
  const parsed = chartBindingSchema.safeParse({
    kind: record.chartKind,
    cluster_id: record.clusterId,
    name: record.resourceName,
    group: record.streamGroup,
    range: record.range,
    series: record.series,
  });
  return parsed.success ? parsed.data : null;
}

/** The API's view of a link. The token is not stored, so it cannot be shown again. */
export function toShareLinkJson(record: ShareLinkRecord, now: Date = new Date()) {
  return {
    id: record.id,
    chart: {
      kind: record.chartKind,
      cluster_id: record.clusterId,
      name: record.resourceName,
      group: record.streamGroup,
      range: record.range,
      series: record.series,
    },
    created_by: record.createdBy.username,
    created_at: record.createdAt.toISOString(),
    expires_at: record.expiresAt.toISOString(),
    revoked_at: record.revokedAt?.toISOString() ?? null,
    status: shareLinkStatus(validityOf(record), now),
  };
}

export type ShareLinkJson = ReturnType<typeof toShareLinkJson>;
