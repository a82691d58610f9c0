import { withAuth } from '@/lib/api/with-auth';
import { readJsonBody } from '@/lib/api/read-json-body';
import { findKafkaCluster, listKafkaClusters } from '@/lib/sources/kafka';
import { shareLinkBodySchema } from '@/lib/share/chart-binding';
import { toShareLinkJson } from '@/lib/share/share-link-record';
import { createShareLink, listShareLinks } from '@/lib/share/share-links';
import { assertCanView } from '@/lib/teams/visibility';

export const dynamic = 'force-dynamic';

// The caller's own links; an admin sees everyone's, to revoke any of them.
export const GET = withAuth(async ({ principal }) => {
  const links = await listShareLinks(principal.role === 'admin' ? null : principal.userId);
  const now = new Date();
  return { share_links: links.map((link) => toShareLinkJson(link, now)) };
}, { resource: 'none' });

// The body is the chart binding (kind, cluster_id, name, group, range, series) and an optional expires_in_days.
export const POST = withAuth(async ({ request, principal }) => {
  const { expires_in_days: expiresInDays, ...chart } = await readJsonBody(request, shareLinkBodySchema);
  if (chart.kind === 'kafka_group') {
    // Pin the cluster, so the link keeps meaning the same group if the cluster list changes.
    chart.cluster_id = findKafkaCluster(chart.cluster_id ?? listKafkaClusters()[0]?.id ?? '').id;
  }
  // The resource comes from the body, so it is checked here (resource 'none'). Nobody shares what they may not see: another team's group answers 404, as it does everywhere.
  await assertCanView(principal, chart.kind === 'kafka_group' ? 'kafka_group' : 'redis_stream', chart.name, chart.cluster_id);
  const { token, record } = await createShareLink({ binding: chart, createdById: principal.userId, expiresInDays });
  const path = `/share/${token}`;
  return Response.json(
    { ...toShareLinkJson(record), token, path, url: new URL(path, request.url).toString() },
    { status: 201, headers: { 'cache-control': 'no-store' } },
  );
}, { resource: 'none', role: 'operator' });
