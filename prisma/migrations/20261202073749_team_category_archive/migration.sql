-- CreateEnum
CREATE TYPE "TeamCategory" AS ENUM ('PARTY_MEMBER', 'YOUTH', 'WOMEN', 'VETERAN', 'ELDERLY', 'PROFESSIONAL', 'OTHER');

-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "category" "TeamCategory" NOT NULL DEFAULT 'OTHER';
