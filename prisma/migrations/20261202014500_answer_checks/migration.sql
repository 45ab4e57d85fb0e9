-- CreateTable
CREATE TABLE "answer_checks" (
    "id" SERIAL NOT NULL,
    "revision_id" INTEGER NOT NULL,
    "outcome" "policy_check_outcome" NOT NULL,
    "title" TEXT,
    "publisher" TEXT,
    "number" TEXT,
    "published_on" TEXT,
    "url" TEXT,
    "checked_on" TEXT NOT NULL,
    "note" TEXT,
    "reviewer_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "answer_checks_pkey" PRIMARY KEY ("id"),
    -- "Checked against the official source" names the source; an answer's figures are never "illustrative".
    CONSTRAINT "answer_checks_verified_has_source" CHECK ("outcome" <> 'verified' OR ("title" IS NOT NULL AND "publisher" IS NOT NULL AND "url" IS NOT NULL AND "published_on" IS NOT NULL)),
    CONSTRAINT "answer_checks_no_illustrative" CHECK ("outcome" <> 'illustrative')
);

-- CreateIndex
CREATE INDEX "answer_checks_revision_id_id_idx" ON "answer_checks"("revision_id", "id");

-- AddForeignKey
ALTER TABLE "answer_checks" ADD CONSTRAINT "answer_checks_revision_id_fkey" FOREIGN KEY ("revision_id") REFERENCES "answer_revisions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- History is kept, as for policy checks.
CREATE TRIGGER "answer_checks_no_update" BEFORE UPDATE ON "answer_checks" FOR EACH ROW EXECUTE FUNCTION "checks_append_only"();
