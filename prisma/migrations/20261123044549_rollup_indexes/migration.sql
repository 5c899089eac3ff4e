-- CreateIndex
CREATE INDEX "Order_orgUnitId_status_idx" ON "Order"("orgUnitId", "status");

-- CreateIndex
CREATE INDEX "RoleAssignment_orgUnitId_role_idx" ON "RoleAssignment"("orgUnitId", "role");

-- CreateIndex
CREATE INDEX "UnitCounter_covering_idx" ON "UnitCounter"("orgUnitId", "metric", "day", "value");
