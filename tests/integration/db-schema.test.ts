import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database, type DatabaseClient, type DatabaseTarget } from '@/lib/db/create-client';
import { Prisma } from '@/lib/generated/prisma/client';
import { dropDatabase, recreateDatabase } from '../support/database';
import { testDatabaseName, uniqueName } from '../support/test-env';

/**
 * schema.prisma and the checked-in migrations must describe the same database. After the
 * runner has migrated an empty database, every model is read and written through Prisma:
 * a table or column that a migration forgot fails here, on PostgreSQL and on PGlite alike.
 */

type ModelName = Prisma.ModelName;
/**
 * Models written and read back field by field here. The history models are written in bulk with
 * raw SQL by lib/history; tests/integration/history-*.test.ts write and read them that way.
 */
type RoundTripModelName = 'User' | 'Team' | 'Membership' | 'ApiToken';

// One entry per model: adding a model to the schema does not compile until it is listed here.
const scalarFieldsByModel: Record<ModelName, Record<string, string>> = {
  User: Prisma.UserScalarFieldEnum,
  Team: Prisma.TeamScalarFieldEnum,
  Membership: Prisma.MembershipScalarFieldEnum,
  ApiToken: Prisma.ApiTokenScalarFieldEnum,
  HistorySnapshot: Prisma.HistorySnapshotScalarFieldEnum,
  HistorySourceError: Prisma.HistorySourceErrorScalarFieldEnum,
  HistoryKafkaGroup: Prisma.HistoryKafkaGroupScalarFieldEnum,
  HistoryKafkaTopic: Prisma.HistoryKafkaTopicScalarFieldEnum,
  HistoryGroupTopic: Prisma.HistoryGroupTopicScalarFieldEnum,
  HistoryStreamGroup: Prisma.HistoryStreamGroupScalarFieldEnum,
  HistoryCollectorLease: Prisma.HistoryCollectorLeaseScalarFieldEnum,
  HistoryPartitionLayout: Prisma.HistoryPartitionLayoutScalarFieldEnum,
  HistoryGroupSample: Prisma.HistoryGroupSampleScalarFieldEnum,
  HistoryStreamGroupSample: Prisma.HistoryStreamGroupSampleScalarFieldEnum,
  HistoryGroupEvent: Prisma.HistoryGroupEventScalarFieldEnum,
  HistoryGroupRollup: Prisma.HistoryGroupRollupScalarFieldEnum,
  HistoryStreamGroupRollup: Prisma.HistoryStreamGroupRollupScalarFieldEnum,
  HistoryRollupWatermark: Prisma.HistoryRollupWatermarkScalarFieldEnum,
  HistoryRedisServerSample: Prisma.HistoryRedisServerSampleScalarFieldEnum,
  TeamPattern: Prisma.TeamPatternScalarFieldEnum,
  ShareLink: Prisma.ShareLinkScalarFieldEnum,
  Alert: Prisma.AlertScalarFieldEnum,
  AlertEvent: Prisma.AlertEventScalarFieldEnum,
  AlertRuleSetting: Prisma.AlertRuleSettingScalarFieldEnum,
  AlertChannel: Prisma.AlertChannelScalarFieldEnum,
  AlertDelivery: Prisma.AlertDeliveryScalarFieldEnum,
  AuditEntry: Prisma.AuditEntryScalarFieldEnum,
};

interface Delegate {
  findMany(): Promise<unknown[]>;
  findUniqueOrThrow(args: { where: { id: string } }): Promise<unknown>;
}

function delegates(prisma: DatabaseClient): Record<RoundTripModelName, Delegate> {
  return { User: prisma.user, Team: prisma.team, Membership: prisma.membership, ApiToken: prisma.apiToken };
}

function readers(prisma: DatabaseClient): Record<ModelName, Pick<Delegate, 'findMany'>> {
  return {
    ...delegates(prisma),
    HistorySnapshot: prisma.historySnapshot,
    HistorySourceError: prisma.historySourceError,
    HistoryKafkaGroup: prisma.historyKafkaGroup,
    HistoryKafkaTopic: prisma.historyKafkaTopic,
    HistoryGroupTopic: prisma.historyGroupTopic,
    HistoryStreamGroup: prisma.historyStreamGroup,
    HistoryCollectorLease: prisma.historyCollectorLease,
    HistoryPartitionLayout: prisma.historyPartitionLayout,
    HistoryGroupSample: prisma.historyGroupSample,
    HistoryStreamGroupSample: prisma.historyStreamGroupSample,
    HistoryGroupEvent: prisma.historyGroupEvent,
    HistoryGroupRollup: prisma.historyGroupRollup,
    HistoryStreamGroupRollup: prisma.historyStreamGroupRollup,
    HistoryRollupWatermark: prisma.historyRollupWatermark,
    HistoryRedisServerSample: prisma.historyRedisServerSample,
    TeamPattern: prisma.teamPattern,
    ShareLink: prisma.shareLink,
    Alert: prisma.alert,
    AlertEvent: prisma.alertEvent,
    AlertRuleSetting: prisma.alertRuleSetting,
    AlertChannel: prisma.alertChannel,
    AlertDelivery: prisma.alertDelivery,
    AuditEntry: prisma.auditEntry,
  };
}

/** Creates one row of every model with every optional field set; returns them by model. */
async function createOneOfEach(prisma: DatabaseClient): Promise<Record<RoundTripModelName, { id: string }>> {
  const when = new Date('2030-01-02T03:04:05.678Z');
  const User = await prisma.user.create({
    data: { username: uniqueName('schema-user'), passwordHash: '$argon2id$placeholder', role: 'operator', disabledAt: when },
  });
  const Team = await prisma.team.create({ data: { name: uniqueName('schema-team') } });
  const Membership = await prisma.membership.create({ data: { userId: User.id, teamId: Team.id, role: 'admin' } });
  const ApiToken = await prisma.apiToken.create({
    data: {
      userId: User.id,
      name: 'schema check',
      tokenHash: uniqueName('hash'),
      prefix: 'lgb_abcdefgh',
      lastUsedAt: when,
      revokedAt: when,
      expiresAt: when,
    },
  });
  return { User, Team, Membership, ApiToken };
}

const scratchDatabase = `${testDatabaseName}_schema`;
const pgliteFolder = mkdtempSync(path.join(tmpdir(), 'lagboard-schema-'));

const targets: Array<[string, () => Promise<DatabaseTarget>]> = [
  ['PostgreSQL', async () => ({ databaseUrl: await recreateDatabase(scratchDatabase) })],
  ['PGlite', async () => ({ pgliteDir: pgliteFolder })],
];

afterAll(async () => {
  await dropDatabase(scratchDatabase);
  rmSync(pgliteFolder, { recursive: true, force: true });
});

describe.each(targets)('schema and migrations agree on %s', (_label, target) => {
  let databaseTarget: DatabaseTarget;
  let database: Database;
  beforeAll(async () => {
    databaseTarget = await target();
    database = createDatabase(databaseTarget);
    const result = await database.migrate();
    expect(result.applied.length).toBeGreaterThan(0);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('has a table for every model with exactly its scalar fields as columns', async () => {
    const columns = await database.withExecutor((executor) =>
      executor.query<{ table_name: string; column_name: string }>(
        `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'`,
      ),
    );
    for (const [model, fields] of Object.entries(scalarFieldsByModel)) {
      const tableColumns = columns.filter((column) => column.table_name === model).map((column) => column.column_name);
      expect({ model, columns: tableColumns.sort() }).toEqual({ model, columns: Object.values(fields).sort() });
    }
  });

  it('reads every model through Prisma', async () => {
    for (const [model, delegate] of Object.entries(readers(database.prisma))) {
      await expect(delegate.findMany(), model).resolves.toBeInstanceOf(Array);
    }
  });

  it('writes every model with every field set and reads the same values back', async () => {
    const created = await createOneOfEach(database.prisma);
    for (const [model, delegate] of Object.entries(delegates(database.prisma)) as Array<[RoundTripModelName, Delegate]>) {
      await expect(delegate.findUniqueOrThrow({ where: { id: created[model].id } }), model).resolves.toEqual(created[model]);
    }
  });

  it('enforces the unique keys and cascades deleting a user to its memberships and tokens', async () => {
    const { User, Team } = await createOneOfEach(database.prisma);
    await expect(database.prisma.membership.create({ data: { userId: User.id, teamId: Team.id } })).rejects.toMatchObject({
      code: 'P2002',
    });
    await database.prisma.user.delete({ where: { id: User.id } });
    await expect(database.prisma.membership.count({ where: { userId: User.id } })).resolves.toBe(0);
    await expect(database.prisma.apiToken.count({ where: { userId: User.id } })).resolves.toBe(0);
    await expect(database.prisma.team.count({ where: { id: Team.id } })).resolves.toBe(1);
  });

  it('keeps its data across a restart and then has nothing to migrate', async () => {
    const teamName = uniqueName('persisted-team');
    await database.prisma.team.create({ data: { name: teamName } });
    await database.close();
    database = createDatabase(databaseTarget);
    await expect(database.migrate()).resolves.toMatchObject({ applied: [] });
    await expect(database.prisma.team.findUnique({ where: { name: teamName } })).resolves.toMatchObject({ name: teamName });
  });
});
