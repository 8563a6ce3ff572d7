-- The language the bot speaks to each user (issue 20): null until their first chat message sets
-- it from the platform's locale; the `language` command changes it.
-- AlterTable
ALTER TABLE "User" ADD COLUMN "language" TEXT;
