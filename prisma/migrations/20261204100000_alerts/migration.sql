-- CreateEnum
CREATE TYPE "AlertState" AS ENUM ('pending', 'firing', 'resolved');

-- CreateEnum
CREATE TYPE "AlertSeverity" AS ENUM ('info', 'warning', 'critical');

-- CreateTable
CREATE TABLE "Alert" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "severity" "AlertSeverity" NOT NULL,
    "state" "AlertState" NOT NULL,
    "source" TEXT NOT NULL,
    "clusterId" TEXT,
    "groupId" TEXT,
    "topic" TEXT,
    "stream" TEXT,
    "teamIds" TEXT[],
    "summary" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "threshold" DOUBLE PRECISION NOT NULL,
    "peakValue" DOUBLE PRECISION NOT NULL,
    "unit" TEXT NOT NULL,
    "pendingSince" TIMESTAMPTZ(3) NOT NULL,
    "firingSince" TIMESTAMPTZ(3),
    "resolvedAt" TIMESTAMPTZ(3),
    "lastEvaluatedAt" TIMESTAMPTZ(3) NOT NULL,
    "acknowledgedAt" TIMESTAMPTZ(3),
    "acknowledgedBy" TEXT,
    "silencedUntil" TIMESTAMPTZ(3),
    "silencedBy" TEXT,

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertEvent" (
    "id" SERIAL NOT NULL,
    "alertId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "value" DOUBLE PRECISION,
    "actor" TEXT,

    CONSTRAINT "AlertEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Alert_state_lastEvaluatedAt_idx" ON "Alert"("state", "lastEvaluatedAt");

-- CreateIndex
CREATE INDEX "Alert_key_idx" ON "Alert"("key");

-- CreateIndex
CREATE INDEX "Alert_clusterId_groupId_idx" ON "Alert"("clusterId", "groupId");

-- CreateIndex
CREATE INDEX "AlertEvent_alertId_idx" ON "AlertEvent"("alertId");

-- CreateIndex
CREATE INDEX "AlertEvent_at_idx" ON "AlertEvent"("at");

-- AddForeignKey
ALTER TABLE "AlertEvent" ADD CONSTRAINT "AlertEvent_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "Alert"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- One open incident per key: two evaluators (or a leader change mid-pass) cannot open it twice.
CREATE UNIQUE INDEX "Alert_open_key_unique" ON "Alert"("key") WHERE "state" IN ('pending', 'firing');
