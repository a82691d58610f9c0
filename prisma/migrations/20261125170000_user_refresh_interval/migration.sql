-- AlterTable
ALTER TABLE "User" ADD COLUMN     "refreshIntervalSeconds" INTEGER;
