-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('INTAKE', 'ASSESSMENT', 'PLANNING', 'INTERVENTION', 'FOLLOW_UP', 'EVALUATION', 'CLOSED');

-- CreateEnum
CREATE TYPE "CaseOutcome" AS ENUM ('IMPROVED', 'STABLE', 'NOT_IMPROVED', 'REFERRED_OUT');

-- CreateEnum
CREATE TYPE "InterventionKind" AS ENUM ('SERVICE', 'REFERRAL');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'CASE_SUPERVISOR';

-- CreateTable
CREATE TABLE "CaseFile" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "orgPath" TEXT COLLATE "C" NOT NULL,
    "personName" TEXT NOT NULL,
    "gender" TEXT,
    "birthYear" INTEGER,
    "vulnerabilityGroup" "TargetGroup" NOT NULL,
    "foundVia" "NeedSource" NOT NULL,
    "situation" TEXT NOT NULL,
    "idNumberEnc" TEXT,
    "healthNotesEnc" TEXT,
    "consentBy" TEXT,
    "consentAt" TIMESTAMP(3),
    "guardianName" TEXT,
    "guardianConsentAt" TIMESTAMP(3),
    "status" "CaseStatus" NOT NULL DEFAULT 'INTAKE',
    "assessment" TEXT,
    "goals" TEXT,
    "evaluation" TEXT,
    "outcome" "CaseOutcome",
    "closedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CaseFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseWorker" (
    "caseId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "CaseWorker_pkey" PRIMARY KEY ("caseId","userId")
);

-- CreateTable
CREATE TABLE "CaseIntervention" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "kind" "InterventionKind" NOT NULL,
    "description" TEXT NOT NULL,
    "resourceId" TEXT,
    "professional" TEXT,
    "outcome" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "byUserId" TEXT NOT NULL,

    CONSTRAINT "CaseIntervention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseFollowUp" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "doneAt" TIMESTAMP(3),
    "note" TEXT,
    "byUserId" TEXT NOT NULL,

    CONSTRAINT "CaseFollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseAccessLog" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "fields" TEXT[],
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseAccessLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CaseFile_orgPath_status_idx" ON "CaseFile"("orgPath", "status");

-- CreateIndex
CREATE INDEX "CaseWorker_userId_idx" ON "CaseWorker"("userId");

-- CreateIndex
CREATE INDEX "CaseIntervention_caseId_idx" ON "CaseIntervention"("caseId");

-- CreateIndex
CREATE INDEX "CaseFollowUp_caseId_doneAt_dueOn_idx" ON "CaseFollowUp"("caseId", "doneAt", "dueOn");

-- CreateIndex
CREATE INDEX "CaseAccessLog_caseId_at_idx" ON "CaseAccessLog"("caseId", "at");

-- AddForeignKey
ALTER TABLE "CaseFile" ADD CONSTRAINT "CaseFile_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseWorker" ADD CONSTRAINT "CaseWorker_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "CaseFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseWorker" ADD CONSTRAINT "CaseWorker_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseIntervention" ADD CONSTRAINT "CaseIntervention_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "CaseFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseFollowUp" ADD CONSTRAINT "CaseFollowUp_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "CaseFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseAccessLog" ADD CONSTRAINT "CaseAccessLog_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "CaseFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;
