-- AlterTable
ALTER TABLE "articles" ADD COLUMN     "search_text" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "article_relations" (
    "slug" TEXT NOT NULL,
    "related_slug" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "article_relations_pkey" PRIMARY KEY ("slug","related_slug")
);

-- CreateTable
CREATE TABLE "search_log" (
    "id" BIGSERIAL NOT NULL,
    "query" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "filters" JSONB NOT NULL DEFAULT '{}',
    "hits" INTEGER NOT NULL,
    "mode" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "search_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_state" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_state_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "article_relations_related_slug_idx" ON "article_relations"("related_slug");

-- CreateIndex
CREATE INDEX "search_log_created_at_idx" ON "search_log"("created_at");

-- CreateIndex
CREATE INDEX "search_log_hits_created_at_idx" ON "search_log"("hits", "created_at");

-- AddForeignKey
ALTER TABLE "article_relations" ADD CONSTRAINT "article_relations_slug_fkey" FOREIGN KEY ("slug") REFERENCES "articles"("slug") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_relations" ADD CONSTRAINT "article_relations_related_slug_fkey" FOREIGN KEY ("related_slug") REFERENCES "articles"("slug") ON DELETE CASCADE ON UPDATE CASCADE;
