-- CreateTable
CREATE TABLE "UnitCounter" (
    "orgUnitId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "tenantId" TEXT NOT NULL,
    "value" BIGINT NOT NULL,

    CONSTRAINT "UnitCounter_pkey" PRIMARY KEY ("orgUnitId","metric","day")
);

-- CreateIndex
CREATE INDEX "UnitCounter_tenantId_day_idx" ON "UnitCounter"("tenantId", "day");
