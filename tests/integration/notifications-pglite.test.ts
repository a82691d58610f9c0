import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { createDatabase } from '@/lib/db/create-client';
import { NotificationDispatcher } from '@/lib/notifications/dispatcher';
import { openFiringAlert, resolveAlert } from '../support/alert-rows';
import { HttpReceiver } from '../support/http-receiver';

// The demo runs on the embedded database: claims (ON CONFLICT DO NOTHING), leases (FOR UPDATE
// SKIP LOCKED) and attempt records must work on PGlite as they do on PostgreSQL.
it('delivers, retries and resolves on the embedded PGlite database', async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'lagboard-notify-pglite-'));
  const database = createDatabase({ pgliteDir: folder });
  const receiver = await HttpReceiver.start();
  try {
    await database.migrate();
    const prisma = database.prisma;
    receiver.respond([{ status: 500 }], { status: 200 });
    await prisma.alertChannel.create({ data: { name: 'embedded', kind: 'webhook', url: receiver.url, secret: 'sixteen-chars-secret' } });
    let nowMs = Date.now() + 1_000;
    const dispatcher = new NotificationDispatcher({
      database: async () => prisma, publicBaseUrl: null, timeoutMs: 1_000, policy: { maxAttempts: 3, retryBaseMs: 1_000, retryMaxMs: 1_000 },
      pollIntervalMs: 1_000, channelConcurrency: 2, activeWindowMs: 1_000, nowMs: () => nowMs,
    });
    const { alert } = await openFiringAlert(prisma, { atMs: nowMs });
    await dispatcher.runOnce();
    nowMs += 1_000;
    await dispatcher.runOnce();
    await resolveAlert(prisma, alert.id, nowMs);
    await dispatcher.runOnce();
    await dispatcher.runOnce();
    expect(receiver.jsonBodies().map((body) => body.kind)).toEqual(['firing', 'firing', 'resolved']);
    const rows = await prisma.alertDelivery.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((row) => [row.kind, row.status, row.attempt])).toEqual([['firing', 'delivered', 2], ['resolved', 'delivered', 1]]);
  } finally {
    await receiver.close();
    await database.close();
    rmSync(folder, { recursive: true, force: true });
  }
});
