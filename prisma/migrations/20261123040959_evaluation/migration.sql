-- CreateEnum
CREATE TYPE "InspectionTarget" AS ENUM ('UNIT', 'PROJECT');

-- CreateEnum
CREATE TYPE "InspectionStatus" AS ENUM ('SCHEDULED', 'SCORED');

-- CreateEnum
CREATE TYPE "RectificationStatus" AS ENUM ('OPEN', 'RESPONDED', 'ACCEPTED');

-- CreateEnum
CREATE TYPE "SpotCheckKind" AS ENUM ('PILOT', 'PROJECT', 'CLOSED_NEED');

-- CreateEnum
CREATE TYPE "SurveyStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateTable
CREATE TABLE "ChecklistTemplate" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "orgPath" TEXT COLLATE "C" NOT NULL,
    "name" TEXT NOT NULL,
    "archivedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChecklistTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChecklistItem" (
    "id" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "weight" INTEGER NOT NULL,

    CONSTRAINT "ChecklistItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Inspection" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "orgPath" TEXT COLLATE "C" NOT NULL,
    "targetKind" "InspectionTarget" NOT NULL,
    "projectId" TEXT,
    "inspectorUnitId" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "scheduledFor" DATE NOT NULL,
    "status" "InspectionStatus" NOT NULL DEFAULT 'SCHEDULED',
    "findings" TEXT,
    "scorePoints" INTEGER,
    "maxPoints" INTEGER,
    "scorePercent" DOUBLE PRECISION,
    "spotCheckId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "scoredById" TEXT,
    "scoredAt" TIMESTAMP(3),

    CONSTRAINT "Inspection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectionScore" (
    "inspectionId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "points" INTEGER NOT NULL,

    CONSTRAINT "InspectionScore_pkey" PRIMARY KEY ("inspectionId","itemId")
);

-- CreateTable
CREATE TABLE "Rectification" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "inspectionId" TEXT NOT NULL,
    "orgPath" TEXT COLLATE "C" NOT NULL,
    "description" TEXT NOT NULL,
    "deadline" DATE NOT NULL,
    "status" "RectificationStatus" NOT NULL DEFAULT 'OPEN',
    "response" TEXT,
    "respondedById" TEXT,
    "respondedAt" TIMESTAMP(3),
    "returnNote" TEXT,
    "returnedAt" TIMESTAMP(3),
    "returnCount" INTEGER NOT NULL DEFAULT 0,
    "acceptedById" TEXT,
    "acceptedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Rectification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SpotCheckDraw" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "orgPath" TEXT COLLATE "C" NOT NULL,
    "kind" "SpotCheckKind" NOT NULL,
    "filters" JSONB NOT NULL,
    "seed" TEXT NOT NULL,
    "populationSize" INTEGER NOT NULL,
    "populationIds" TEXT[],
    "sampleSize" INTEGER NOT NULL,
    "sampleIds" TEXT[],
    "drawnById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SpotCheckDraw_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyCampaign" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "orgPath" TEXT COLLATE "C" NOT NULL,
    "title" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "questions" JSONB NOT NULL,
    "token" TEXT NOT NULL,
    "status" "SurveyStatus" NOT NULL DEFAULT 'OPEN',
    "closedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurveyCampaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurveyResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyAnswer" (
    "responseId" TEXT NOT NULL,
    "question" INTEGER NOT NULL,
    "campaignId" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "orgPath" TEXT COLLATE "C" NOT NULL,
    "rating" INTEGER,
    "choice" INTEGER,
    "text" TEXT,

    CONSTRAINT "SurveyAnswer_pkey" PRIMARY KEY ("responseId","question")
);

-- CreateIndex
CREATE INDEX "ChecklistTemplate_orgPath_idx" ON "ChecklistTemplate"("orgPath");

-- CreateIndex
CREATE UNIQUE INDEX "ChecklistItem_templateId_position_key" ON "ChecklistItem"("templateId", "position");

-- CreateIndex
CREATE INDEX "Inspection_orgPath_scheduledFor_idx" ON "Inspection"("orgPath", "scheduledFor");

-- CreateIndex
CREATE INDEX "Inspection_tenantId_status_idx" ON "Inspection"("tenantId", "status");

-- CreateIndex
CREATE INDEX "Rectification_orgPath_status_deadline_idx" ON "Rectification"("orgPath", "status", "deadline");

-- CreateIndex
CREATE INDEX "Rectification_inspectionId_idx" ON "Rectification"("inspectionId");

-- CreateIndex
CREATE INDEX "SpotCheckDraw_orgPath_createdAt_idx" ON "SpotCheckDraw"("orgPath", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyCampaign_token_key" ON "SurveyCampaign"("token");

-- CreateIndex
CREATE INDEX "SurveyCampaign_orgPath_createdAt_idx" ON "SurveyCampaign"("orgPath", "createdAt");

-- CreateIndex
CREATE INDEX "SurveyResponse_campaignId_createdAt_idx" ON "SurveyResponse"("campaignId", "createdAt");

-- CreateIndex
CREATE INDEX "SurveyAnswer_orgPath_rating_idx" ON "SurveyAnswer"("orgPath", "rating");

-- CreateIndex
CREATE INDEX "SurveyAnswer_campaignId_question_idx" ON "SurveyAnswer"("campaignId", "question");

-- AddForeignKey
ALTER TABLE "ChecklistItem" ADD CONSTRAINT "ChecklistItem_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "ChecklistTemplate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "ChecklistTemplate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionScore" ADD CONSTRAINT "InspectionScore_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionScore" ADD CONSTRAINT "InspectionScore_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ChecklistItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rectification" ADD CONSTRAINT "Rectification_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "SurveyCampaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyAnswer" ADD CONSTRAINT "SurveyAnswer_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "SurveyResponse"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Spot-check draws are evidence: never edited or deleted (only a unit move may rewrite orgPath).
CREATE TRIGGER "SpotCheckDraw_append_only" BEFORE UPDATE OR DELETE ON "SpotCheckDraw" FOR EACH ROW EXECUTE FUNCTION "ronghe_append_only"();

ALTER TABLE "ChecklistItem" ADD CONSTRAINT "ChecklistItem_weight_positive" CHECK ("weight" > 0);
ALTER TABLE "InspectionScore" ADD CONSTRAINT "InspectionScore_points_nonnegative" CHECK ("points" >= 0);
ALTER TABLE "SpotCheckDraw" ADD CONSTRAINT "SpotCheckDraw_sizes" CHECK ("sampleSize" > 0 AND "populationSize" = cardinality("populationIds") AND cardinality("sampleIds") = LEAST("sampleSize", "populationSize"));
ALTER TABLE "SurveyAnswer" ADD CONSTRAINT "SurveyAnswer_rating_range" CHECK ("rating" IS NULL OR "rating" BETWEEN 1 AND 5);
