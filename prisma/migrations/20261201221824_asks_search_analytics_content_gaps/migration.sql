-- AlterTable
ALTER TABLE "search_log" ADD COLUMN     "cause" TEXT,
ADD COLUMN     "client_hash" TEXT,
ADD COLUMN     "gap_key" TEXT,
ADD COLUMN     "gap_region" TEXT,
ADD COLUMN     "insurance" TEXT,
ADD COLUMN     "latency_ms" INTEGER,
ADD COLUMN     "normalized" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "query_id" UUID,
ADD COLUMN     "region" TEXT,
ADD COLUMN     "slugs" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "topic" TEXT,
ADD COLUMN     "year" INTEGER;

-- CreateTable
CREATE TABLE "search_clicks" (
    "id" BIGSERIAL NOT NULL,
    "query_id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'result',
    "query" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "search_clicks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "content_gaps" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "searches" INTEGER NOT NULL,
    "zero_hits" INTEGER NOT NULL,
    "no_clicks" INTEGER NOT NULL,
    "cause" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'open',
    "article_id" UUID,
    "decided_by" TEXT,
    "decided_at" TIMESTAMP(3),
    "first_seen" TIMESTAMP(3) NOT NULL,
    "last_seen" TIMESTAMP(3) NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "content_gaps_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "question_follows" (
    "id" BIGSERIAL NOT NULL,
    "token_hash" TEXT NOT NULL,
    "article_id" UUID NOT NULL,
    "asked_article_id" UUID,
    "masked" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "decision" TEXT,
    "reason" TEXT,
    "decided_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "question_follows_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "public_throttle" (
    "key" TEXT NOT NULL,
    "window_start" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "public_throttle_pkey" PRIMARY KEY ("key","window_start")
);

-- CreateIndex
CREATE INDEX "search_clicks_query_id_idx" ON "search_clicks"("query_id");

-- CreateIndex
CREATE INDEX "search_clicks_created_at_idx" ON "search_clicks"("created_at");

-- CreateIndex
CREATE INDEX "content_gaps_state_searches_idx" ON "content_gaps"("state", "searches");

-- CreateIndex
CREATE UNIQUE INDEX "content_gaps_key_region_key" ON "content_gaps"("key", "region");

-- CreateIndex
CREATE UNIQUE INDEX "question_follows_token_hash_key" ON "question_follows"("token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "question_follows_asked_article_id_key" ON "question_follows"("asked_article_id");

-- CreateIndex
CREATE INDEX "question_follows_article_id_idx" ON "question_follows"("article_id");

-- CreateIndex
CREATE INDEX "public_throttle_window_start_idx" ON "public_throttle"("window_start");

-- CreateIndex
CREATE UNIQUE INDEX "search_log_query_id_key" ON "search_log"("query_id");

-- CreateIndex
CREATE INDEX "search_log_gap_key_gap_region_idx" ON "search_log"("gap_key", "gap_region");
