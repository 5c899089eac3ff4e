-- CreateTable
CREATE TABLE "PilotEvidence" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "orgPath" TEXT COLLATE "C" NOT NULL,
    "task" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT,
    "note" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PilotEvidence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PilotEvidence_orgPath_task_idx" ON "PilotEvidence"("orgPath", "task");

-- AddForeignKey
ALTER TABLE "PilotEvidence" ADD CONSTRAINT "PilotEvidence_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
