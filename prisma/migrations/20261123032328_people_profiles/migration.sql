-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('MALE', 'FEMALE');

-- CreateEnum
CREATE TYPE "VolunteerKind" AS ENUM ('PARTY_MEMBER', 'YOUTH', 'VETERAN', 'ELDERLY', 'OTHER');

-- CreateEnum
CREATE TYPE "CertLevel" AS ENUM ('NONE', 'ASSISTANT', 'INTERMEDIATE', 'SENIOR');

-- CreateEnum
CREATE TYPE "AgencyKind" AS ENUM ('SOCIAL_WORK_AGENCY', 'SOCIAL_ORGANISATION');

-- CreateEnum
CREATE TYPE "EmployerKind" AS ENUM ('COMMUNITY', 'AGENCY');

-- CreateEnum
CREATE TYPE "TrainingKind" AS ENUM ('LECTURE', 'EXCHANGE', 'SITE_VISIT');

-- AlterTable
ALTER TABLE "HourAdjustment" ADD COLUMN     "orgPath" TEXT COLLATE "C" NOT NULL,
ADD COLUMN     "orgUnitId" TEXT NOT NULL;

-- AlterTable
ALTER TABLE "OrgUnit" ADD COLUMN     "elderlyPopulation" INTEGER;

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "ceHoursPerYear" INTEGER NOT NULL DEFAULT 90,
ADD COLUMN     "certificationTarget" INTEGER NOT NULL DEFAULT 50;

-- CreateTable
CREATE TABLE "VolunteerProfile" (
    "userId" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "orgPath" TEXT COLLATE "C" NOT NULL,
    "realName" TEXT NOT NULL,
    "idNumberEnc" TEXT,
    "idNumberHash" TEXT,
    "gender" "Gender",
    "birthYear" INTEGER,
    "kind" "VolunteerKind" NOT NULL DEFAULT 'OTHER',
    "skills" TEXT[],
    "availability" TEXT[],
    "imported" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VolunteerProfile_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "HoursCertificate" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "orgPath" TEXT COLLATE "C" NOT NULL,
    "userId" TEXT NOT NULL,
    "holderName" TEXT NOT NULL,
    "unitName" TEXT NOT NULL,
    "totalMinutes" INTEGER NOT NULL,
    "byYear" JSONB NOT NULL,
    "issuedById" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HoursCertificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agency" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "orgPath" TEXT COLLATE "C" NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "AgencyKind" NOT NULL,
    "creditCode" TEXT,
    "contactName" TEXT,
    "phone" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkerProfile" (
    "userId" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "orgPath" TEXT COLLATE "C" NOT NULL,
    "certLevel" "CertLevel" NOT NULL DEFAULT 'NONE',
    "certNumber" TEXT,
    "certDate" DATE,
    "employerKind" "EmployerKind" NOT NULL DEFAULT 'COMMUNITY',
    "agencyId" TEXT,
    "station" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkerProfile_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "TrainingEvent" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "orgPath" TEXT COLLATE "C" NOT NULL,
    "title" TEXT NOT NULL,
    "kind" "TrainingKind" NOT NULL,
    "date" DATE NOT NULL,
    "minutes" INTEGER NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrainingEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingAttendance" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrainingAttendance_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "VolunteerProfile_orgPath_idx" ON "VolunteerProfile"("orgPath");

-- CreateIndex
CREATE INDEX "VolunteerProfile_tenantId_kind_idx" ON "VolunteerProfile"("tenantId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "VolunteerProfile_tenantId_idNumberHash_key" ON "VolunteerProfile"("tenantId", "idNumberHash");

-- CreateIndex
CREATE UNIQUE INDEX "HoursCertificate_code_key" ON "HoursCertificate"("code");

-- CreateIndex
CREATE INDEX "HoursCertificate_userId_idx" ON "HoursCertificate"("userId");

-- CreateIndex
CREATE INDEX "Agency_orgPath_idx" ON "Agency"("orgPath");

-- CreateIndex
CREATE UNIQUE INDEX "Agency_tenantId_name_key" ON "Agency"("tenantId", "name");

-- CreateIndex
CREATE INDEX "WorkerProfile_orgPath_idx" ON "WorkerProfile"("orgPath");

-- CreateIndex
CREATE INDEX "WorkerProfile_agencyId_idx" ON "WorkerProfile"("agencyId");

-- CreateIndex
CREATE INDEX "TrainingEvent_orgPath_date_idx" ON "TrainingEvent"("orgPath", "date");

-- CreateIndex
CREATE INDEX "TrainingAttendance_userId_idx" ON "TrainingAttendance"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingAttendance_eventId_userId_key" ON "TrainingAttendance"("eventId", "userId");

-- CreateIndex
CREATE INDEX "HourAdjustment_orgPath_idx" ON "HourAdjustment"("orgPath");

-- AddForeignKey
ALTER TABLE "VolunteerProfile" ADD CONSTRAINT "VolunteerProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerProfile" ADD CONSTRAINT "VolunteerProfile_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HoursCertificate" ADD CONSTRAINT "HoursCertificate_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkerProfile" ADD CONSTRAINT "WorkerProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkerProfile" ADD CONSTRAINT "WorkerProfile_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkerProfile" ADD CONSTRAINT "WorkerProfile_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingEvent" ADD CONSTRAINT "TrainingEvent_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingAttendance" ADD CONSTRAINT "TrainingAttendance_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "TrainingEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingAttendance" ADD CONSTRAINT "TrainingAttendance_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Ledgers are append-only, whatever the code does: the database refuses edits and deletions of
-- points entries, hour corrections and issued certificates. Only a unit move may rewrite orgPath.
CREATE FUNCTION "ronghe_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'append-only table %: rows cannot be deleted', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
  END IF;
  IF (to_jsonb(NEW) - 'orgPath') IS DISTINCT FROM (to_jsonb(OLD) - 'orgPath') THEN
    RAISE EXCEPTION 'append-only table %: rows cannot be changed', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "PointsEntry_append_only" BEFORE UPDATE OR DELETE ON "PointsEntry" FOR EACH ROW EXECUTE FUNCTION "ronghe_append_only"();
CREATE TRIGGER "HourAdjustment_append_only" BEFORE UPDATE OR DELETE ON "HourAdjustment" FOR EACH ROW EXECUTE FUNCTION "ronghe_append_only"();
CREATE TRIGGER "HoursCertificate_append_only" BEFORE UPDATE OR DELETE ON "HoursCertificate" FOR EACH ROW EXECUTE FUNCTION "ronghe_append_only"();

ALTER TABLE "HourAdjustment" ADD CONSTRAINT "HourAdjustment_minutes_nonzero" CHECK ("minutes" <> 0);
ALTER TABLE "TrainingEvent" ADD CONSTRAINT "TrainingEvent_minutes_positive" CHECK ("minutes" > 0);
ALTER TABLE "VolunteerProfile" ADD CONSTRAINT "VolunteerProfile_birthYear_range" CHECK ("birthYear" IS NULL OR "birthYear" BETWEEN 1900 AND 2100);
