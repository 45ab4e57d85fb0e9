-- DropIndex
DROP INDEX "outbox_available_at_id_idx";

-- AlterTable
ALTER TABLE "outbox" DROP COLUMN "attempts",
DROP COLUMN "available_at",
DROP COLUMN "claimed_until",
DROP COLUMN "last_error";

-- CreateTable
CREATE TABLE "search_feeds" (
    "instance" TEXT NOT NULL,
    "position" BIGINT NOT NULL DEFAULT 0,
    "doc_version" TEXT,
    "last_task_uid" BIGINT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "retry_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "search_feeds_pkey" PRIMARY KEY ("instance")
);
