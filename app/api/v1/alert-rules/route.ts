import { withAuth } from '@/lib/api/with-auth';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db';
import { listAlertRules } from '@/lib/alerts/alert-rules-view';

export const dynamic = 'force-dynamic';

export const GET = withAuth(async () => listAlertRules(await getDb(), getConfig()), { resource: 'none' });
