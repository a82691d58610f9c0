import 'server-only';
import { cache } from 'react';
import { getAuthSecret } from '@/lib/auth/secret';
import type { ChartBinding } from './chart-binding';
import { chartBindingOf, validityOf, type ShareLinkRecord } from './share-link-record';
import { resolveShareToken } from './share-link-status';
import { findShareLinkByHash } from './share-links';

export interface SharedChart {
  binding: ChartBinding;
  sharedBy: string;
  expiresAt: Date;
}

export type SharedChartResolution = { status: 'active'; chart: SharedChart } | { status: 'expired' | 'revoked' | 'invalid' };

/**
 * The chart a token grants, or why it grants none. Cached per request (React cache), so the
 * page, its layout and its metadata share one lookup.
 */
export const resolveSharedChart = cache(async (token: string): Promise<SharedChartResolution> => {
  const resolution = await resolveShareToken(token, {
    secret: getAuthSecret(),
    now: new Date(),
    findByHash: async (tokenHash) => {
      const record = await findShareLinkByHash(tokenHash);
      return record ? { record, ...validityOf(record) } : null;
    },
  });
  if (resolution.status !== 'active') return { status: resolution.status };
  const record: ShareLinkRecord = resolution.link.record;
  const binding = chartBindingOf(record);
  if (!binding) return { status: 'invalid' };
  return { status: 'active', chart: { binding, sharedBy: record.createdBy.username, expiresAt: record.expiresAt } };
});
