-- CreateTable
CREATE TABLE "HistoryRedisServerSample" (
    "takenAt" TIMESTAMPTZ(3) NOT NULL,
    "usedMemoryBytes" BIGINT NOT NULL,
    "maxMemoryBytes" BIGINT NOT NULL,
    "connectedClients" INTEGER NOT NULL,
    "opsPerSecond" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "HistoryRedisServerSample_pkey" PRIMARY KEY ("takenAt")
);

