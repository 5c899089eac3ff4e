-- AlterTable
ALTER TABLE "TaskSignup" ADD COLUMN     "lateCheckOut" BOOLEAN NOT NULL DEFAULT false;
