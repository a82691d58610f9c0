-- CreateTable
CREATE TABLE "AlertRuleSetting" (
    "id" SERIAL NOT NULL,
    "ruleId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "enabled" BOOLEAN,
    "severity" "AlertSeverity",
    "threshold" DOUBLE PRECISION,
    "forSeconds" INTEGER,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedBy" TEXT,

    CONSTRAINT "AlertRuleSetting_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AlertRuleSetting_ruleId_scope_target_key" ON "AlertRuleSetting"("ruleId", "scope", "target");

