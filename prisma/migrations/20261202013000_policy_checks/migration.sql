-- CreateEnum
CREATE TYPE "policy_check_outcome" AS ENUM ('verified', 'unverified', 'illustrative');

-- CreateTable
CREATE TABLE "policy_checks" (
    "id" SERIAL NOT NULL,
    "policy_id" TEXT NOT NULL,
    "figures" TEXT NOT NULL,
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

    CONSTRAINT "policy_checks_pkey" PRIMARY KEY ("id"),
    -- A check that says "verified" names the document it was checked against.
    CONSTRAINT "policy_checks_verified_has_source" CHECK ("outcome" <> 'verified' OR ("title" IS NOT NULL AND "publisher" IS NOT NULL AND "url" IS NOT NULL AND "published_on" IS NOT NULL))
);

-- CreateIndex
CREATE INDEX "policy_checks_policy_id_id_idx" ON "policy_checks"("policy_id", "id");

-- History is kept: a check is never edited, only followed by a newer one.
CREATE FUNCTION "checks_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (row %)', TG_TABLE_NAME, OLD.id;
END
$$;
CREATE TRIGGER "policy_checks_no_update" BEFORE UPDATE ON "policy_checks" FOR EACH ROW EXECUTE FUNCTION "checks_append_only"();
