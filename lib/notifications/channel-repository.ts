import type { DatabaseClient } from '@/lib/db/create-client';
import { badRequest, notFound } from '@/lib/api/errors';
import type { CreateAlertChannelBody, UpdateAlertChannelBody } from './api-schemas';

const withTeam = { team: { select: { name: true } } } as const;

export async function listAlertChannels(prisma: DatabaseClient) {
  return prisma.alertChannel.findMany({ include: withTeam, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
}

export async function findAlertChannel(prisma: DatabaseClient, channelId: string) {
  const channel = await prisma.alertChannel.findUnique({ where: { id: channelId }, include: withTeam });
  if (!channel) throw notFound(`No alert channel "${channelId}"`);
  return channel;
}

async function checkTeamExists(prisma: DatabaseClient, teamId: string | null | undefined): Promise<void> {
  if (!teamId) return;
  if (!(await prisma.team.findUnique({ where: { id: teamId }, select: { id: true } }))) {
    throw badRequest('Invalid request body', [{ parameter: 'team_id', problem: `no team "${teamId}"` }]);
  }
}

export async function createAlertChannel(prisma: DatabaseClient, body: CreateAlertChannelBody) {
  await checkTeamExists(prisma, body.team_id);
  return prisma.alertChannel.create({
    data: {
      name: body.name,
      kind: body.kind,
      url: body.url,
      secret: body.secret ?? null,
      teamId: body.team_id ?? null,
      minSeverity: body.min_severity,
      ruleIds: [...new Set(body.rule_ids)],
      repeatIntervalSeconds: body.repeat_interval_seconds,
      enabled: body.enabled,
    },
    include: withTeam,
  });
}

export async function updateAlertChannel(prisma: DatabaseClient, channelId: string, body: UpdateAlertChannelBody) {
  const current = await findAlertChannel(prisma, channelId);
  await checkTeamExists(prisma, body.team_id);
  const kind = body.kind ?? current.kind;
  const secret = body.secret === undefined ? current.secret : body.secret;
  if (kind === 'webhook' && !secret) {
    throw badRequest('Invalid request body', [{ parameter: 'secret', problem: 'a webhook channel needs a secret (at least 16 characters) to sign its requests' }]);
  }
  return prisma.alertChannel.update({
    where: { id: channelId },
    data: {
      name: body.name,
      kind: body.kind,
      url: body.url,
      secret,
      teamId: body.team_id === undefined ? undefined : body.team_id,
      minSeverity: body.min_severity,
      ruleIds: body.rule_ids ? [...new Set(body.rule_ids)] : undefined,
      repeatIntervalSeconds: body.repeat_interval_seconds,
      enabled: body.enabled,
    },
    include: withTeam,
  });
}

export async function deleteAlertChannel(prisma: DatabaseClient, channelId: string): Promise<void> {
  const result = await prisma.alertChannel.deleteMany({ where: { id: channelId } });
  if (result.count === 0) throw notFound(`No alert channel "${channelId}"`);
}

export async function listChannelDeliveries(prisma: DatabaseClient, channelId: string, limit: number) {
  return prisma.alertDelivery.findMany({ where: { channelId }, orderBy: { id: 'desc' }, take: limit });
}
