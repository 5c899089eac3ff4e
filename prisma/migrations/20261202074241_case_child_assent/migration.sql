-- A child under 14's own assent, recorded beside the guardian's consent (lib/server/cases/consent.ts).
ALTER TABLE "CaseFile" ADD COLUMN "childAssentAt" TIMESTAMP(3);
