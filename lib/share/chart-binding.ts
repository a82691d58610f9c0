import { z } from 'zod';
import { chartRangeNames, defaultExpiryDays, maximumExpiryDays, seriesCatalogue, seriesDefinition, shareChartKinds, type ChartRange } from './chart-catalogue';

export * from './chart-catalogue';

/**
 * What a share link shows: one chart of one group (or one stream group), one range and the
 * series picked. Everything the public page may reveal is in here, and nothing else is.
 */

const clusterIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'is not a cluster id');
const resourceNameSchema = z.string().min(1).max(255)
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'must not contain control characters');

const chartBindingShape = z.strictObject({
  kind: z.enum(shareChartKinds),
  cluster_id: clusterIdSchema.nullish().transform((value) => value ?? null),
  name: resourceNameSchema,
  group: resourceNameSchema.nullish().transform((value) => value ?? null),
  range: z.enum(chartRangeNames as [ChartRange, ...ChartRange[]]),
  series: z.array(z.string().min(1).max(40)).min(1).max(4),
});

function checkBinding(binding: z.infer<typeof chartBindingShape>, context: z.RefinementCtx): void {
  if (binding.kind === 'redis_stream_group' && binding.group === null) {
    context.addIssue({ code: 'custom', path: ['group'], message: 'a stream chart needs the consumer group' });
  }
  if (binding.kind === 'redis_stream_group' && binding.cluster_id !== null) {
    context.addIssue({ code: 'custom', path: ['cluster_id'], message: 'a stream chart has no cluster' });
  }
  if (binding.kind === 'kafka_group' && binding.group !== null) {
    context.addIssue({ code: 'custom', path: ['group'], message: 'a consumer-group chart has no stream group' });
  }
  binding.series.forEach((seriesId, index) => {
    if (!seriesDefinition(binding.kind, seriesId)) {
      const known = Object.keys(seriesCatalogue[binding.kind]).join(', ');
      context.addIssue({ code: 'custom', path: ['series', index], message: `unknown series "${seriesId}"; one of ${known}` });
    }
  });
  if (new Set(binding.series).size !== binding.series.length) {
    context.addIssue({ code: 'custom', path: ['series'], message: 'a series appears twice' });
  }
}

export const chartBindingSchema = chartBindingShape.superRefine(checkBinding);

/** POST /api/v1/share-links: the binding and an optional expiry, with the same checks. */
export const shareLinkBodySchema = chartBindingShape.extend({
  expires_in_days: z.number().int().min(1).max(maximumExpiryDays).default(defaultExpiryDays),
}).superRefine(checkBinding);

export type ChartBinding = z.infer<typeof chartBindingSchema>;

/** "consumer group “orders” on cluster “prod”" — the resource a chart shows, in words. */
export function describeChartResource(binding: ChartBinding): string {
  if (binding.kind === 'kafka_group') {
    return `Consumer group “${binding.name}”${binding.cluster_id ? ` on cluster “${binding.cluster_id}”` : ''}`;
  }
  return `Stream “${binding.name}”, group “${binding.group ?? ''}”`;
}
