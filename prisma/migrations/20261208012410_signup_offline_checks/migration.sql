-- AlterTable
ALTER TABLE "TaskSignup" ADD COLUMN     "checkInClientId" TEXT,
ADD COLUMN     "checkInVia" TEXT,
ADD COLUMN     "checkOutClientId" TEXT,
ADD COLUMN     "checkOutVia" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "TaskSignup_checkInClientId_key" ON "TaskSignup"("checkInClientId");

-- CreateIndex
CREATE UNIQUE INDEX "TaskSignup_checkOutClientId_key" ON "TaskSignup"("checkOutClientId");
