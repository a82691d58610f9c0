import { z } from 'zod';
import { isoTimeSchema, nullableIsoTimeSchema } from '@/lib/api/api-schemas';

/** Share links API: schemas the routes parse with (the body: ./chart-binding.ts) and their responses. */

export { shareLinkBodySchema } from './chart-binding';

export const shareLinkIdParameters = z.object({ share_link_id: z.string().min(1).max(64).regex(/^[\w-]+$/, 'not a share link id') });

const shareLinkSchema = z.object({
  id: z.string(),
  chart: z.object({ kind: z.string(), cluster_id: z.string().nullable(), name: z.string(), group: z.string().nullable(), range: z.string(), series: z.array(z.string()) }),
  created_by: z.string(),
  created_at: isoTimeSchema,
  expires_at: isoTimeSchema,
  revoked_at: nullableIsoTimeSchema,
  status: z.string(),
});

export const shareLinkListResponseSchema = z.object({ share_links: z.array(shareLinkSchema) }).meta({ title: 'ShareLinkList' });
export const shareLinkCreatedResponseSchema = shareLinkSchema.extend({ token: z.string(), path: z.string(), url: z.string() }).meta({ title: 'ShareLinkCreated' });
