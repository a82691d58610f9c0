-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorUsername" TEXT NOT NULL,
    "actorUserId" TEXT,
    "actorRole" TEXT NOT NULL,
    "actorVia" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "clusterId" TEXT,
    "groupId" TEXT,
    "topic" TEXT,
    "stream" TEXT,
    "outcome" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "message" TEXT,
    "parameters" JSONB NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditEntry_createdAt_idx" ON "AuditEntry"("createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_clusterId_groupId_createdAt_idx" ON "AuditEntry"("clusterId", "groupId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_stream_groupId_createdAt_idx" ON "AuditEntry"("stream", "groupId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_actorUsername_createdAt_idx" ON "AuditEntry"("actorUsername", "createdAt");

