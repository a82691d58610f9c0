import { withAuth } from '@/lib/api/with-auth';
import { auditListResponseSchema, auditQuerySchema } from '@/lib/actions/api-schemas';
import { listAuditEntries } from '@/lib/actions/list-audit-entries';

export const dynamic = 'force-dynamic';

// GET /api/v1/audit?cluster=&group=&stream=&actor=&action=&outcome=&from=&to=&limit=: operator actions, newest first.
export const GET = withAuth(async ({ searchParams, principal }) => {
  return auditListResponseSchema.parse(await listAuditEntries(principal, auditQuerySchema.parse(Object.fromEntries(searchParams))));
}, { resource: 'list', role: 'operator' });
