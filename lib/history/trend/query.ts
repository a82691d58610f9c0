import { z } from 'zod';
import { badRequest } from '@/lib/api/errors';
import { parseDurationMs } from '@/lib/config';
import type { TimeRange } from './plan';

const defaultRangeMs = 24 * 3_600_000;
const maximumRangeMs = 400 * 86_400_000;
const isoPattern = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** ISO 8601 (`2026-11-25T14:00:00Z`) or Unix epoch milliseconds (`1795615200000`). */
const timeParameter = z.string().transform((text, context) => {
  const timeMs = /^\d{1,15}$/.test(text) ? Number(text) : isoPattern.test(text) ? Date.parse(text) : Number.NaN;
  if (!Number.isFinite(timeMs)) {
    context.addIssue({ code: 'custom', message: 'must be an ISO 8601 time or epoch milliseconds' });
    return z.NEVER;
  }
  return timeMs;
});

/** A duration with a unit (`30s`, `5m`, `1h`) or milliseconds (`30000`). */
const stepParameter = z.string().transform((text, context) => {
  try {
    return /^\d{1,12}$/.test(text) ? Number(text) : parseDurationMs(text);
  } catch {
    context.addIssue({ code: 'custom', message: 'must be a duration like 30s, 5m, 1h or milliseconds' });
    return z.NEVER;
  }
});

const clusterIdParameter = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'must be 1-64 letters, digits, ".", "_" or "-"');

/** The query every trend route takes; each route adds its own parameters (lib/history/api-schemas.ts). */
export const trendQuerySchema = z.object({
  cluster_id: clusterIdParameter.optional().meta({ description: 'Kafka cluster id (Kafka trends only)' }),
  from: timeParameter.optional().meta({ description: 'ISO 8601 time or epoch ms; default: 24 hours before `to`' }),
  to: timeParameter.optional().meta({ description: 'ISO 8601 time or epoch ms; default: now' }),
  step: stepParameter.optional().meta({ description: 'Bucket size: 30s, 5m, 1h or milliseconds (at most 1,000 points)' }),
});
const baseNames = new Set(Object.keys(trendQuerySchema.shape));

export interface TrendQuery<Extra> {
  clusterId: string | null;
  range: TimeRange;
  requestedStepMs: number | null;
  extra: Extra;
}

/**
 * `from`, `to` (default: the 24 hours up to now), `step`, `cluster_id` and the endpoint's own
 * parameters (`extraSchema`). Unknown or repeated parameters are a 400, so a typo never silently
 * changes the answer.
 */
export function parseTrendQuery<ExtraSchema extends z.ZodObject>(
  searchParams: URLSearchParams,
  extraSchema: ExtraSchema,
  nowMs: number,
): TrendQuery<z.infer<ExtraSchema>> {
  const names = [...searchParams.keys()];
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated !== undefined) throw badRequest(`Query parameter "${repeated}" is given more than once`);
  const entries = [...searchParams.entries()];
  const base = trendQuerySchema.parse(Object.fromEntries(entries.filter(([name]) => baseNames.has(name))));
  const unknown = entries.find(([name]) => !baseNames.has(name) && !(name in extraSchema.shape));
  if (unknown) throw badRequest(`Unknown query parameter "${unknown[0]}"`);
  const extra: z.infer<ExtraSchema> = extraSchema.parse(Object.fromEntries(entries.filter(([name]) => !baseNames.has(name))));
  const toMs = base.to ?? nowMs;
  const fromMs = base.from ?? toMs - defaultRangeMs;
  if (fromMs >= toMs) throw badRequest('"from" must be before "to"');
  if (toMs - fromMs > maximumRangeMs) throw badRequest('The range may span at most 400 days');
  return { clusterId: base.cluster_id ?? null, range: { fromMs, toMs }, requestedStepMs: base.step ?? null, extra };
}
