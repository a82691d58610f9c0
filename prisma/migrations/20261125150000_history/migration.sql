-- CreateEnum
CREATE TYPE "HistoryGroupType" AS ENUM ('classic', 'consumer');

-- CreateEnum
CREATE TYPE "HistoryGroupStatus" AS ENUM ('OK', 'WARN', 'ERR');

-- CreateTable
CREATE TABLE "HistorySnapshot" (
    "id" SERIAL NOT NULL,
    "takenAt" TIMESTAMPTZ(3) NOT NULL,
    "durationMs" INTEGER NOT NULL,

    CONSTRAINT "HistorySnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HistorySourceError" (
    "snapshotId" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "message" TEXT NOT NULL,

    CONSTRAINT "HistorySourceError_pkey" PRIMARY KEY ("snapshotId","source")
);

-- CreateTable
CREATE TABLE "HistoryKafkaGroup" (
    "id" SERIAL NOT NULL,
    "clusterId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,

    CONSTRAINT "HistoryKafkaGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HistoryKafkaTopic" (
    "id" SERIAL NOT NULL,
    "clusterId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,

    CONSTRAINT "HistoryKafkaTopic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HistoryGroupTopic" (
    "topicRef" INTEGER NOT NULL,
    "groupRef" INTEGER NOT NULL,

    CONSTRAINT "HistoryGroupTopic_pkey" PRIMARY KEY ("topicRef","groupRef")
);

-- CreateTable
CREATE TABLE "HistoryStreamGroup" (
    "id" SERIAL NOT NULL,
    "stream" TEXT NOT NULL,
    "groupName" TEXT NOT NULL,

    CONSTRAINT "HistoryStreamGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HistoryGroupPoint" (
    "lagP50" BIGINT NOT NULL,
    "lagP95" BIGINT NOT NULL,
    "lagMax" BIGINT NOT NULL,
    "totalLag" BIGINT NOT NULL,
    "snapshotId" INTEGER NOT NULL,
    "groupRef" INTEGER NOT NULL,
    "memberCount" INTEGER NOT NULL,
    "generationOrEpoch" INTEGER,
    "partitionCount" INTEGER NOT NULL,
    "sloCompliance" REAL NOT NULL,
    "fairnessGini" REAL,
    "lagSecondsMax" REAL,
    "groupType" "HistoryGroupType" NOT NULL,
    "status" "HistoryGroupStatus" NOT NULL,
    "state" TEXT NOT NULL,

    CONSTRAINT "HistoryGroupPoint_pkey" PRIMARY KEY ("groupRef","snapshotId")
);

-- CreateTable
CREATE TABLE "HistoryPartitionPoint" (
    "committedOffset" BIGINT,
    "logEndOffset" BIGINT,
    "lag" BIGINT,
    "snapshotId" INTEGER NOT NULL,
    "groupRef" INTEGER NOT NULL,
    "topicRef" INTEGER NOT NULL,
    "partition" INTEGER NOT NULL,
    "lagSeconds" REAL,

    CONSTRAINT "HistoryPartitionPoint_pkey" PRIMARY KEY ("snapshotId","groupRef","topicRef","partition")
);

-- CreateTable
CREATE TABLE "HistoryStreamGroupPoint" (
    "lag" BIGINT,
    "pending" BIGINT NOT NULL,
    "length" BIGINT NOT NULL,
    "snapshotId" INTEGER NOT NULL,
    "streamGroupRef" INTEGER NOT NULL,
    "consumerCount" INTEGER NOT NULL,
    "lagEstimated" BOOLEAN NOT NULL,

    CONSTRAINT "HistoryStreamGroupPoint_pkey" PRIMARY KEY ("streamGroupRef","snapshotId")
);

-- CreateTable
CREATE TABLE "HistoryGroupEvent" (
    "id" BIGSERIAL NOT NULL,
    "takenAt" TIMESTAMPTZ(3) NOT NULL,
    "groupRef" INTEGER NOT NULL,
    "previousGenerationOrEpoch" INTEGER,
    "generationOrEpoch" INTEGER,
    "rebalance" BOOLEAN NOT NULL,
    "previousState" TEXT NOT NULL,
    "state" TEXT NOT NULL,

    CONSTRAINT "HistoryGroupEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
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
);

-- CreateTable
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
);

-- CreateTable
CREATE TABLE "HistoryRollupWatermark" (
    "name" TEXT NOT NULL,
    "rolledUntil" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "HistoryRollupWatermark_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE UNIQUE INDEX "HistorySnapshot_takenAt_key" ON "HistorySnapshot"("takenAt");

-- CreateIndex
CREATE UNIQUE INDEX "HistoryKafkaGroup_clusterId_groupId_key" ON "HistoryKafkaGroup"("clusterId", "groupId");

-- CreateIndex
CREATE UNIQUE INDEX "HistoryKafkaTopic_clusterId_topic_key" ON "HistoryKafkaTopic"("clusterId", "topic");

-- CreateIndex
CREATE UNIQUE INDEX "HistoryStreamGroup_stream_groupName_key" ON "HistoryStreamGroup"("stream", "groupName");

-- CreateIndex
CREATE INDEX "HistoryGroupPoint_snapshotId_idx" ON "HistoryGroupPoint"("snapshotId");

-- CreateIndex
CREATE INDEX "HistoryStreamGroupPoint_snapshotId_idx" ON "HistoryStreamGroupPoint"("snapshotId");

-- CreateIndex
CREATE INDEX "HistoryGroupEvent_groupRef_takenAt_idx" ON "HistoryGroupEvent"("groupRef", "takenAt");

-- CreateIndex
CREATE INDEX "HistoryGroupEvent_takenAt_idx" ON "HistoryGroupEvent"("takenAt");

-- CreateIndex
CREATE INDEX "HistoryGroupRollup_bucketStart_idx" ON "HistoryGroupRollup"("bucketStart");

-- CreateIndex
CREATE INDEX "HistoryStreamGroupRollup_bucketStart_idx" ON "HistoryStreamGroupRollup"("bucketStart");

