-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "advisors" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "organisation" TEXT,
    "license" TEXT,
    "bio" TEXT,
    "sample" BOOLEAN NOT NULL DEFAULT false,
    "content_hash" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "advisors_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "articles" (
    "slug" TEXT NOT NULL,
    "source_path" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "question" TEXT,
    "region" TEXT NOT NULL,
    "province_code" TEXT,
    "city_code" TEXT,
    "insurance" TEXT[],
    "topics" TEXT[],
    "year" INTEGER,
    "status" TEXT NOT NULL,
    "published" DATE NOT NULL,
    "updated" DATE,
    "related" TEXT[],
    "citations" JSONB NOT NULL DEFAULT '[]',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "articles_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "answers" (
    "id" SERIAL NOT NULL,
    "article_slug" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "advisor_id" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "body" TEXT NOT NULL,

    CONSTRAINT "answers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "search_outbox" (
    "id" BIGSERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "op" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "search_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "articles_source_path_idx" ON "articles"("source_path");

-- CreateIndex
CREATE INDEX "answers_advisor_id_idx" ON "answers"("advisor_id");

-- CreateIndex
CREATE UNIQUE INDEX "answers_article_slug_position_key" ON "answers"("article_slug", "position");

-- AddForeignKey
ALTER TABLE "answers" ADD CONSTRAINT "answers_article_slug_fkey" FOREIGN KEY ("article_slug") REFERENCES "articles"("slug") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "answers" ADD CONSTRAINT "answers_advisor_id_fkey" FOREIGN KEY ("advisor_id") REFERENCES "advisors"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
