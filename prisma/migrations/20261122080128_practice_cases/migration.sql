-- CreateEnum
CREATE TYPE "PracticeStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'COUNTY_PASSED', 'LEAGUE_PASSED', 'PUBLISHED', 'RETURNED');

-- CreateTable
CREATE TABLE "PracticeCase" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "orgPath" TEXT COLLATE "C" NOT NULL,
    "title" TEXT NOT NULL,
    "background" TEXT NOT NULL,
    "approach" TEXT NOT NULL,
    "results" TEXT NOT NULL,
    "lessons" TEXT NOT NULL,
    "projectId" TEXT,
    "figures" JSONB,
    "status" "PracticeStatus" NOT NULL DEFAULT 'DRAFT',
    "reviewComment" TEXT,
    "publishedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PracticeCase_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PracticeCase_orgPath_status_idx" ON "PracticeCase"("orgPath", "status");

-- CreateIndex
CREATE INDEX "PracticeCase_tenantId_status_publishedAt_idx" ON "PracticeCase"("tenantId", "status", "publishedAt");

-- AddForeignKey
ALTER TABLE "PracticeCase" ADD CONSTRAINT "PracticeCase_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeCase" ADD CONSTRAINT "PracticeCase_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;
