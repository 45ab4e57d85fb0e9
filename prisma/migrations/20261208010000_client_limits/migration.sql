-- A click beacon counts once per search and position: duplicates already stored are dropped first.
DELETE FROM "search_clicks" a USING "search_clicks" b WHERE a."query_id" = b."query_id" AND a."position" = b."position" AND a."id" > b."id";

-- CreateIndex
CREATE UNIQUE INDEX "search_clicks_query_id_position_key" ON "search_clicks"("query_id", "position");

-- AlterTable
ALTER TABLE "question_follows" ADD COLUMN "ask_key" TEXT;

-- CreateIndex
CREATE INDEX "question_follows_ask_key_created_at_idx" ON "question_follows"("ask_key", "created_at");

-- CreateTable
CREATE TABLE "sign_in_failures" (
    "id" BIGSERIAL NOT NULL,
    "account" TEXT NOT NULL,
    "client" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sign_in_failures_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "sign_in_failures_account_created_at_idx" ON "sign_in_failures"("account", "created_at");

-- CreateIndex
CREATE INDEX "sign_in_failures_created_at_idx" ON "sign_in_failures"("created_at");
