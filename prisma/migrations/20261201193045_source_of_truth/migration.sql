-- Postgres becomes the source of truth: articles get a stable id, answers an append-only revision
-- history, rows their origin. Until now every article row was a copy of content/, so they are emptied
-- here and the next ingest writes them again (with their first revisions); the search index is rebuilt
-- because SEARCH_DOCUMENT_VERSION changed.
TRUNCATE "article_relations", "answers", "articles";
DELETE FROM "app_state" WHERE "key" IN ('parse_context', 'search_document_version', 'relations_version');

-- CreateEnum
CREATE TYPE "origin" AS ENUM ('file', 'web');

-- CreateEnum
CREATE TYPE "article_state" AS ENUM ('draft', 'pending', 'unanswered', 'published', 'archived');

-- DropForeignKey
ALTER TABLE "answers" DROP CONSTRAINT "answers_advisor_id_fkey";

-- DropForeignKey
ALTER TABLE "answers" DROP CONSTRAINT "answers_article_slug_fkey";

-- DropForeignKey
ALTER TABLE "article_relations" DROP CONSTRAINT "article_relations_related_slug_fkey";

-- DropForeignKey
ALTER TABLE "article_relations" DROP CONSTRAINT "article_relations_slug_fkey";

-- DropIndex
DROP INDEX "answers_advisor_id_idx";

-- DropIndex
DROP INDEX "answers_article_slug_position_key";

-- DropIndex
DROP INDEX "article_relations_related_slug_idx";

-- DropIndex
DROP INDEX "articles_source_path_idx";

-- AlterTable
ALTER TABLE "advisors" ADD COLUMN     "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "origin" "origin" NOT NULL DEFAULT 'file',
ALTER COLUMN "updated_at" SET DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "answers" DROP COLUMN "advisor_id",
DROP COLUMN "article_slug",
DROP COLUMN "body",
DROP COLUMN "date",
ADD COLUMN     "article_id" UUID NOT NULL,
ADD COLUMN     "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "published_revision_id" INTEGER,
ADD COLUMN     "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "article_relations" DROP CONSTRAINT "article_relations_pkey",
DROP COLUMN "related_slug",
DROP COLUMN "slug",
ADD COLUMN     "article_id" UUID NOT NULL,
ADD COLUMN     "related_id" UUID NOT NULL,
ADD CONSTRAINT "article_relations_pkey" PRIMARY KEY ("article_id", "related_id");

-- AlterTable
ALTER TABLE "articles" DROP CONSTRAINT "articles_pkey",
DROP COLUMN "status",
ADD COLUMN     "id" UUID NOT NULL,
ADD COLUMN     "origin" "origin" NOT NULL,
ADD COLUMN     "relations_dirty_at" TIMESTAMP(3),
ADD COLUMN     "source" TEXT,
ADD COLUMN     "source_hash" TEXT,
ADD COLUMN     "state" "article_state" NOT NULL,
ALTER COLUMN "source_path" DROP NOT NULL,
ALTER COLUMN "source_mtime" DROP NOT NULL,
ALTER COLUMN "source_mtime" DROP DEFAULT,
ALTER COLUMN "source_size" DROP NOT NULL,
ALTER COLUMN "source_size" DROP DEFAULT,
ADD CONSTRAINT "articles_pkey" PRIMARY KEY ("id");

-- DropTable
DROP TABLE "search_outbox";

-- CreateTable
CREATE TABLE "slug_redirects" (
    "slug" TEXT NOT NULL,
    "article_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "slug_redirects_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "answer_revisions" (
    "id" SERIAL NOT NULL,
    "answer_id" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "advisor_id" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "body" TEXT NOT NULL,
    "citations" JSONB NOT NULL DEFAULT '[]',
    "content_hash" TEXT NOT NULL,
    "summary" TEXT,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "answer_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "answer_drafts" (
    "id" SERIAL NOT NULL,
    "answer_id" INTEGER NOT NULL,
    "author_id" TEXT NOT NULL,
    "advisor_id" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "citations" JSONB NOT NULL DEFAULT '[]',
    "base_revision_id" INTEGER,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "answer_drafts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "article_id" UUID,
    "data" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox" (
    "id" BIGSERIAL NOT NULL,
    "article_id" UUID NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "available_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimed_until" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "slug_redirects_article_id_idx" ON "slug_redirects"("article_id");

-- CreateIndex
CREATE INDEX "answer_revisions_advisor_id_idx" ON "answer_revisions"("advisor_id");

-- CreateIndex
CREATE UNIQUE INDEX "answer_revisions_answer_id_number_key" ON "answer_revisions"("answer_id", "number");

-- CreateIndex
CREATE UNIQUE INDEX "answer_drafts_answer_id_author_id_key" ON "answer_drafts"("answer_id", "author_id");

-- CreateIndex
CREATE INDEX "audit_events_article_id_created_at_idx" ON "audit_events"("article_id", "created_at");

-- CreateIndex
CREATE INDEX "outbox_available_at_id_idx" ON "outbox"("available_at", "id");

-- CreateIndex
CREATE UNIQUE INDEX "answers_published_revision_id_key" ON "answers"("published_revision_id");

-- CreateIndex
CREATE UNIQUE INDEX "answers_article_id_position_key" ON "answers"("article_id", "position");

-- CreateIndex
CREATE INDEX "article_relations_related_id_idx" ON "article_relations"("related_id");

-- CreateIndex
CREATE UNIQUE INDEX "articles_slug_key" ON "articles"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "articles_source_path_key" ON "articles"("source_path");

-- CreateIndex
CREATE INDEX "articles_state_idx" ON "articles"("state");

-- CreateIndex
CREATE INDEX "articles_relations_dirty_at_idx" ON "articles"("relations_dirty_at");

-- AddForeignKey
ALTER TABLE "slug_redirects" ADD CONSTRAINT "slug_redirects_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "answers" ADD CONSTRAINT "answers_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "answers" ADD CONSTRAINT "answers_published_revision_id_fkey" FOREIGN KEY ("published_revision_id") REFERENCES "answer_revisions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "answer_revisions" ADD CONSTRAINT "answer_revisions_answer_id_fkey" FOREIGN KEY ("answer_id") REFERENCES "answers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "answer_revisions" ADD CONSTRAINT "answer_revisions_advisor_id_fkey" FOREIGN KEY ("advisor_id") REFERENCES "advisors"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "answer_drafts" ADD CONSTRAINT "answer_drafts_answer_id_fkey" FOREIGN KEY ("answer_id") REFERENCES "answers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_relations" ADD CONSTRAINT "article_relations_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_relations" ADD CONSTRAINT "article_relations_related_id_fkey" FOREIGN KEY ("related_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- History is append-only: a revision, once written, never changes.
CREATE FUNCTION "answer_revisions_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'answer revisions are append-only (revision %)', OLD.id;
END $$;
CREATE TRIGGER "answer_revisions_no_update" BEFORE UPDATE ON "answer_revisions"
  FOR EACH ROW EXECUTE FUNCTION "answer_revisions_immutable"();
