-- CreateEnum
CREATE TYPE "TeamResourceKind" AS ENUM ('kafka_group', 'kafka_topic', 'redis_stream');

-- CreateEnum
CREATE TYPE "ShareChartKind" AS ENUM ('kafka_group', 'redis_stream_group');

-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "fairnessGiniMax" DOUBLE PRECISION,
ADD COLUMN     "rebalanceScoreMin" INTEGER,
ADD COLUMN     "sloComplianceMin" DOUBLE PRECISION,
ADD COLUMN     "sloThresholdP95Lag" INTEGER,
ADD COLUMN     "streamLagDegraded" INTEGER,
ADD COLUMN     "streamLagUnhealthy" INTEGER;

-- CreateTable
CREATE TABLE "TeamPattern" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "kind" "TeamResourceKind" NOT NULL,
    "pattern" TEXT NOT NULL,
    "clusterId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TeamPattern_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShareLink" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "chartKind" "ShareChartKind" NOT NULL,
    "clusterId" TEXT,
    "resourceName" TEXT NOT NULL,
    "streamGroup" TEXT,
    "range" TEXT NOT NULL,
    "series" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ShareLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TeamPattern_teamId_idx" ON "TeamPattern"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "ShareLink_tokenHash_key" ON "ShareLink"("tokenHash");

-- CreateIndex
CREATE INDEX "ShareLink_createdById_idx" ON "ShareLink"("createdById");

-- AddForeignKey
ALTER TABLE "TeamPattern" ADD CONSTRAINT "TeamPattern_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShareLink" ADD CONSTRAINT "ShareLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

