-- History at scale: one row per group per snapshot with its partitions encoded (instead of one row
-- per partition), snapshots per source, and the sample and rollup tables partitioned by time so
-- retention drops whole partitions. Existing rows are converted here, nothing is lost.

-- ---------------------------------------------------------------------------------------------
-- Snapshots per source; who leads which source.
-- ---------------------------------------------------------------------------------------------

-- DropIndex
DROP INDEX "HistorySnapshot_takenAt_key";

-- AlterTable
ALTER TABLE "HistorySnapshot" ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'all';

-- CreateIndex
CREATE INDEX "HistorySnapshot_takenAt_idx" ON "HistorySnapshot"("takenAt");

-- CreateIndex
CREATE UNIQUE INDEX "HistorySnapshot_source_takenAt_key" ON "HistorySnapshot"("source", "takenAt");

-- CreateTable
CREATE TABLE "HistoryCollectorLease" (
    "source" TEXT NOT NULL,
    "instanceId" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "since" TIMESTAMPTZ(3) NOT NULL,
    "renewedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "HistoryCollectorLease_pkey" PRIMARY KEY ("source")
);

-- ---------------------------------------------------------------------------------------------
-- New sample tables, partitioned by range of time (partitions are created by lib/history).
-- ---------------------------------------------------------------------------------------------

-- CreateTable
CREATE TABLE "HistoryPartitionLayout" (
    "id" SERIAL NOT NULL,
    "layoutKey" TEXT NOT NULL,
    "topicRefs" INTEGER[],
    "partitions" INTEGER[],

    CONSTRAINT "HistoryPartitionLayout_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "HistoryPartitionLayout_layoutKey_key" ON "HistoryPartitionLayout"("layoutKey");

-- CreateTable
CREATE TABLE "HistoryGroupSample" (
    "takenAt" TIMESTAMPTZ(3) NOT NULL,
    "totalLag" BIGINT NOT NULL,
    "lagMax" BIGINT NOT NULL,
    "groupRef" INTEGER NOT NULL,
    "layoutRef" INTEGER NOT NULL,
    "memberCount" INTEGER NOT NULL,
    "generationOrEpoch" INTEGER,
    "sloCompliance" REAL NOT NULL,
    "fairnessGini" REAL,
    "lagSecondsMax" REAL,
    "groupType" "HistoryGroupType" NOT NULL,
    "status" "HistoryGroupStatus" NOT NULL,
    "state" TEXT NOT NULL,
    "partitionData" BYTEA NOT NULL
) PARTITION BY RANGE ("takenAt");

-- Not the primary key schema.prisma names: a non-unique index on "groupRef" alone, which B-tree
-- deduplication stores in ~7 bytes a row instead of ~30 for ("groupRef", "takenAt") (a group has
-- 120 samples per hourly partition; the time filter is applied to those). One sample per group and
-- time follows from "HistorySnapshot" (source, takenAt) being unique: a group has one source.
CREATE INDEX "HistoryGroupSample_groupRef_idx" ON "HistoryGroupSample"("groupRef");

-- CreateTable
CREATE TABLE "HistoryStreamGroupSample" (
    "takenAt" TIMESTAMPTZ(3) NOT NULL,
    "lag" BIGINT,
    "pending" BIGINT NOT NULL,
    "length" BIGINT NOT NULL,
    "streamGroupRef" INTEGER NOT NULL,
    "consumerCount" INTEGER NOT NULL,
    "lagEstimated" BOOLEAN NOT NULL,

    CONSTRAINT "HistoryStreamGroupSample_pkey" PRIMARY KEY ("streamGroupRef","takenAt")
) PARTITION BY RANGE ("takenAt");

-- CreateIndex
CREATE INDEX "HistoryGroupSample_takenAt_idx" ON "HistoryGroupSample" USING BRIN ("takenAt");

-- CreateIndex
CREATE INDEX "HistoryStreamGroupSample_takenAt_idx" ON "HistoryStreamGroupSample" USING BRIN ("takenAt");

-- Rollups: the same tables, partitioned by day of "bucketStart".
ALTER TABLE "HistoryGroupRollup" RENAME TO "HistoryGroupRollup_unpartitioned";
ALTER INDEX "HistoryGroupRollup_pkey" RENAME TO "HistoryGroupRollup_unpartitioned_pkey";
ALTER INDEX "HistoryGroupRollup_bucketStart_idx" RENAME TO "HistoryGroupRollup_unpartitioned_bucketStart_idx";
ALTER TABLE "HistoryStreamGroupRollup" RENAME TO "HistoryStreamGroupRollup_unpartitioned";
ALTER INDEX "HistoryStreamGroupRollup_pkey" RENAME TO "HistoryStreamGroupRollup_unpartitioned_pkey";
ALTER INDEX "HistoryStreamGroupRollup_bucketStart_idx" RENAME TO "HistoryStreamGroupRollup_unpartitioned_bucketStart_idx";

CREATE TABLE "HistoryGroupRollup" (
    "bucketStart" TIMESTAMPTZ(3) NOT NULL,
    "totalLagMin" BIGINT NOT NULL,
    "totalLagMax" BIGINT NOT NULL,
    "maxLagMin" BIGINT NOT NULL,
    "maxLagMax" BIGINT NOT NULL,
    "totalLagAvg" DOUBLE PRECISION NOT NULL,
    "maxLagAvg" DOUBLE PRECISION NOT NULL,
    "groupRef" INTEGER NOT NULL,
    "sampleCount" INTEGER NOT NULL,
    "memberCountMin" INTEGER NOT NULL,
    "memberCountMax" INTEGER NOT NULL,
    "memberCountAvg" DOUBLE PRECISION NOT NULL,
    "lagSecondsSamples" INTEGER NOT NULL,
    "lagSecondsMin" REAL,
    "lagSecondsAvg" DOUBLE PRECISION,
    "lagSecondsMax" REAL,

    CONSTRAINT "HistoryGroupRollup_pkey" PRIMARY KEY ("groupRef","bucketStart")
) PARTITION BY RANGE ("bucketStart");

CREATE TABLE "HistoryStreamGroupRollup" (
    "bucketStart" TIMESTAMPTZ(3) NOT NULL,
    "lagMin" BIGINT,
    "lagMax" BIGINT,
    "pendingMin" BIGINT NOT NULL,
    "pendingMax" BIGINT NOT NULL,
    "lengthMin" BIGINT NOT NULL,
    "lengthMax" BIGINT NOT NULL,
    "lagAvg" DOUBLE PRECISION,
    "pendingAvg" DOUBLE PRECISION NOT NULL,
    "lengthAvg" DOUBLE PRECISION NOT NULL,
    "streamGroupRef" INTEGER NOT NULL,
    "sampleCount" INTEGER NOT NULL,
    "lagSamples" INTEGER NOT NULL,
    "consumerCountMin" INTEGER NOT NULL,
    "consumerCountMax" INTEGER NOT NULL,
    "consumerCountAvg" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "HistoryStreamGroupRollup_pkey" PRIMARY KEY ("streamGroupRef","bucketStart")
) PARTITION BY RANGE ("bucketStart");

CREATE INDEX "HistoryGroupRollup_bucketStart_idx" ON "HistoryGroupRollup"("bucketStart");
CREATE INDEX "HistoryStreamGroupRollup_bucketStart_idx" ON "HistoryStreamGroupRollup"("bucketStart");

-- ---------------------------------------------------------------------------------------------
-- The partitions existing rows need: one per hour of samples, one per day of rollups (UTC), named
-- as lib/history/time-partitions.ts names them.
-- ---------------------------------------------------------------------------------------------

DO $$
DECLARE
  hour_start timestamptz;
  day_start timestamptz;
  parent text;
BEGIN
  FOR hour_start IN SELECT DISTINCT date_trunc('hour', "takenAt", 'UTC') FROM "HistorySnapshot" LOOP
    FOREACH parent IN ARRAY ARRAY['HistoryGroupSample', 'HistoryStreamGroupSample'] LOOP
      EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
        parent || '_h' || to_char(hour_start AT TIME ZONE 'UTC', 'YYYYMMDDHH24'), parent, hour_start, hour_start + interval '1 hour');
    END LOOP;
  END LOOP;
  FOR day_start IN
    SELECT DISTINCT date_trunc('day', "bucketStart", 'UTC') FROM "HistoryGroupRollup_unpartitioned"
    UNION SELECT DISTINCT date_trunc('day', "bucketStart", 'UTC') FROM "HistoryStreamGroupRollup_unpartitioned"
  LOOP
    FOREACH parent IN ARRAY ARRAY['HistoryGroupRollup', 'HistoryStreamGroupRollup'] LOOP
      EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
        parent || '_d' || to_char(day_start AT TIME ZONE 'UTC', 'YYYYMMDD'), parent, day_start, day_start + interval '1 day');
    END LOOP;
  END LOOP;
END
$$;

INSERT INTO "HistoryGroupRollup" SELECT * FROM "HistoryGroupRollup_unpartitioned";
INSERT INTO "HistoryStreamGroupRollup" SELECT * FROM "HistoryStreamGroupRollup_unpartitioned";
DROP TABLE "HistoryGroupRollup_unpartitioned";
DROP TABLE "HistoryStreamGroupRollup_unpartitioned";

INSERT INTO "HistoryStreamGroupSample" ("takenAt", lag, pending, length, "streamGroupRef", "consumerCount", "lagEstimated")
SELECT s."takenAt", p.lag, p.pending, p.length, p."streamGroupRef", p."consumerCount", p."lagEstimated"
FROM "HistoryStreamGroupPoint" p JOIN "HistorySnapshot" s ON s.id = p."snapshotId";

-- ---------------------------------------------------------------------------------------------
-- Partition rows to encoded samples, exactly as lib/history/partition-codec.ts encodes them.
-- ---------------------------------------------------------------------------------------------

CREATE FUNCTION "lagboard_migration_varint"(value numeric) RETURNS bytea LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  result bytea := ''::bytea;
  rest numeric := value;
BEGIN
  LOOP
    IF rest < 128 THEN
      RETURN result || set_byte('\x00'::bytea, 0, rest::int);
    END IF;
    result := result || set_byte('\x00'::bytea, 0, (mod(rest, 128) + 128)::int);
    rest := floor(rest / 128);
  END LOOP;
END
$$;

-- null as 0, otherwise the zig-zag value plus one.
CREATE FUNCTION "lagboard_migration_nullable"(value numeric) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
  SELECT "lagboard_migration_varint"(CASE WHEN value IS NULL THEN 0 WHEN value >= 0 THEN value * 2 + 1 ELSE -value * 2 END)
$$;

-- null as 0, otherwise the value plus one (used when no value of the sample is negative).
CREATE FUNCTION "lagboard_migration_unsigned"(value numeric) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
  SELECT "lagboard_migration_varint"(CASE WHEN value IS NULL THEN 0 ELSE value + 1 END)
$$;

CREATE TABLE "HistoryMigrationSample" AS
WITH ordered AS (
  SELECT p."snapshotId", p."groupRef", p."topicRef", p.partition, p."committedOffset", p."logEndOffset", p.lag, p."lagSeconds",
    row_number() OVER w AS position,
    (array_agg(p."logEndOffset") FILTER (WHERE p."logEndOffset" IS NOT NULL)
       OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)) AS earlier_log_ends
  FROM "HistoryPartitionPoint" p JOIN "HistoryKafkaTopic" t ON t.id = p."topicRef"
  WINDOW w AS (PARTITION BY p."snapshotId", p."groupRef" ORDER BY t.topic COLLATE "C", p.partition)
),
flags AS (
  SELECT "snapshotId", "groupRef",
    bool_or(lag IS DISTINCT FROM CASE WHEN "committedOffset" IS NULL OR "logEndOffset" IS NULL THEN NULL
      ELSE greatest(0, "logEndOffset" - "committedOffset") END) AS explicit_lags,
    coalesce(bool_or(coalesce("logEndOffset", 0)::numeric - "committedOffset" < 0), false) AS signed_gaps,
    coalesce(bool_or(round("lagSeconds"::numeric * 10) < 0), false) AS signed_time_lags
  FROM "HistoryPartitionPoint" GROUP BY "snapshotId", "groupRef"
),
pieces AS (
  SELECT o.*, f.explicit_lags, f.signed_gaps, f.signed_time_lags,
    "lagboard_migration_nullable"(o."logEndOffset"::numeric - coalesce(o.earlier_log_ends[cardinality(o.earlier_log_ends)], 0))
      || CASE WHEN f.signed_gaps THEN "lagboard_migration_nullable"(coalesce(o."logEndOffset", 0)::numeric - o."committedOffset")
         ELSE "lagboard_migration_unsigned"(coalesce(o."logEndOffset", 0)::numeric - o."committedOffset") END
      || CASE WHEN f.explicit_lags THEN "lagboard_migration_nullable"(o.lag) ELSE ''::bytea END
      || CASE WHEN f.signed_time_lags THEN "lagboard_migration_nullable"(round(o."lagSeconds"::numeric * 10))
         ELSE "lagboard_migration_unsigned"(round(o."lagSeconds"::numeric * 10)) END AS piece
  FROM ordered o JOIN flags f USING ("snapshotId", "groupRef")
)
SELECT "snapshotId", "groupRef",
  string_agg("topicRef"::text || '.' || partition::text, ',' ORDER BY position) AS layout_key,
  array_agg("topicRef" ORDER BY position) AS topic_refs,
  array_agg(partition ORDER BY position) AS partitions,
  set_byte('\x00'::bytea, 0, (CASE WHEN bool_or(explicit_lags) THEN 1 ELSE 0 END) + (CASE WHEN bool_or(signed_gaps) THEN 2 ELSE 0 END)
    + (CASE WHEN bool_or(signed_time_lags) THEN 4 ELSE 0 END)) || string_agg(piece, ''::bytea ORDER BY position) AS data
FROM pieces GROUP BY "snapshotId", "groupRef";

INSERT INTO "HistoryPartitionLayout" ("layoutKey", "topicRefs", partitions)
SELECT DISTINCT ON (layout_key) layout_key, topic_refs, partitions FROM "HistoryMigrationSample"
UNION ALL SELECT '', '{}', '{}'
  WHERE EXISTS (SELECT 1 FROM "HistoryGroupPoint" g WHERE NOT EXISTS
    (SELECT 1 FROM "HistoryMigrationSample" m WHERE m."snapshotId" = g."snapshotId" AND m."groupRef" = g."groupRef"));

INSERT INTO "HistoryGroupSample" ("takenAt", "totalLag", "lagMax", "groupRef", "layoutRef", "memberCount", "generationOrEpoch",
  "sloCompliance", "fairnessGini", "lagSecondsMax", "groupType", status, state, "partitionData")
SELECT s."takenAt", g."totalLag", g."lagMax", g."groupRef", l.id, g."memberCount", g."generationOrEpoch",
  g."sloCompliance", g."fairnessGini", g."lagSecondsMax", g."groupType", g.status, g.state, coalesce(m.data, '\x00'::bytea)
FROM "HistoryGroupPoint" g
JOIN "HistorySnapshot" s ON s.id = g."snapshotId"
LEFT JOIN "HistoryMigrationSample" m ON m."snapshotId" = g."snapshotId" AND m."groupRef" = g."groupRef"
JOIN "HistoryPartitionLayout" l ON l."layoutKey" = coalesce(m.layout_key, '');

DROP TABLE "HistoryMigrationSample";
DROP FUNCTION "lagboard_migration_unsigned"(numeric);
DROP FUNCTION "lagboard_migration_nullable"(numeric);
DROP FUNCTION "lagboard_migration_varint"(numeric);

-- DropTable
DROP TABLE "HistoryGroupPoint";

-- DropTable
DROP TABLE "HistoryPartitionPoint";

-- DropTable
DROP TABLE "HistoryStreamGroupPoint";
