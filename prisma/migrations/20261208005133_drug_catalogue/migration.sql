-- CreateTable
CREATE TABLE "catalogue_editions" (
    "id" TEXT NOT NULL,
    "catalogue" TEXT NOT NULL,
    "part" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "document_no" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "published" TEXT NOT NULL,
    "effective" TEXT NOT NULL,
    "notice_url" TEXT NOT NULL,
    "pdf_url" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "rows" INTEGER NOT NULL,
    "stated_counts" JSONB NOT NULL,
    "fanli" JSONB NOT NULL,
    "imported_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "catalogue_editions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "drugs" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "drugs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "drug_entries" (
    "id" SERIAL NOT NULL,
    "edition_id" TEXT NOT NULL,
    "drug_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "section" TEXT NOT NULL,
    "no" TEXT NOT NULL,
    "primary_no" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "dosage_form" TEXT,
    "class" TEXT NOT NULL,
    "restriction" TEXT,
    "payment_standard" TEXT,
    "payment_standard_note" JSONB,
    "agreement_period" TEXT,
    "category_code" TEXT NOT NULL,
    "category_name" TEXT,
    "pdf_page" INTEGER NOT NULL,
    "see_fanli" TEXT,
    "includes" TEXT[],

    CONSTRAINT "drug_entries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "drugs_name_key" ON "drugs"("name");

-- CreateIndex
CREATE INDEX "drug_entries_drug_id_idx" ON "drug_entries"("drug_id");

-- CreateIndex
CREATE INDEX "drug_entries_edition_id_position_idx" ON "drug_entries"("edition_id", "position");

-- AddForeignKey
ALTER TABLE "drug_entries" ADD CONSTRAINT "drug_entries_edition_id_fkey" FOREIGN KEY ("edition_id") REFERENCES "catalogue_editions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "drug_entries" ADD CONSTRAINT "drug_entries_drug_id_fkey" FOREIGN KEY ("drug_id") REFERENCES "drugs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
