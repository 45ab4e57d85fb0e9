-- Issue 27: one decision per review (an enum status, changed only while pending), one answer slot per
-- author and question, numbered draft versions, and the four-eye rule against every author of a
-- revision (restores included) for reviews and answer checks; at least one admin always remains.

-- CreateEnum
CREATE TYPE "review_status" AS ENUM ('pending', 'approved', 'changes_requested');

-- The status keeps its values (Prisma's own diff would drop and re-add the column, losing every decision).
-- The CHECKs name the status as text: the enum replaces one and the other is added again for the enum.
ALTER TABLE "reviews" DROP CONSTRAINT "reviews_status";
ALTER TABLE "reviews" DROP CONSTRAINT "reviews_decided";
ALTER TABLE "reviews" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "reviews" ALTER COLUMN "status" TYPE "review_status" USING "status"::"review_status";
ALTER TABLE "reviews" ALTER COLUMN "status" SET DEFAULT 'pending';
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_decided" CHECK (("status" = 'pending') = ("reviewer_id" IS NULL));

-- AlterTable
ALTER TABLE "answer_drafts" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "answer_revisions" ADD COLUMN     "authors" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "answers" ADD COLUMN     "opened_by" TEXT;

-- Every revision's authors: its writer, and for a restore ("恢复第 N 版", or "恢复自第 N 版" when an
-- older revision was published directly) the authors of the revision it brought back, transitively.
ALTER TABLE "answer_revisions" DISABLE TRIGGER "answer_revisions_no_update";
WITH RECURSIVE "chain" AS (
  SELECT r."id", r."id" AS "source" FROM "answer_revisions" r
  UNION
  SELECT c."id", s."id"
  FROM "chain" c
  JOIN "answer_revisions" cur ON cur."id" = c."source"
  JOIN "answer_revisions" s ON s."answer_id" = cur."answer_id"
    AND cur."summary" ~ '^恢复自?第 [0-9]+ 版$'
    AND s."number" = substring(cur."summary" FROM '[0-9]+')::int
    AND s."number" < cur."number"
)
UPDATE "answer_revisions" r SET "authors" = x."authors"
FROM (SELECT c."id", array_agg(DISTINCT s."created_by" ORDER BY s."created_by") AS "authors"
      FROM "chain" c JOIN "answer_revisions" s ON s."id" = c."source" GROUP BY c."id") x
WHERE r."id" = x."id";
ALTER TABLE "answer_revisions" ENABLE TRIGGER "answer_revisions_no_update";

-- A revision's writer is always among its authors, whoever inserts it (the web verbs, the file channel's
-- set-based save, or SQL by hand).
CREATE FUNCTION "answer_revisions_authors"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."authors" := ARRAY(SELECT DISTINCT a FROM unnest(coalesce(NEW."authors", '{}') || NEW."created_by") AS a ORDER BY a);
  RETURN NEW;
END $$;
CREATE TRIGGER "answer_revisions_authors" BEFORE INSERT ON "answer_revisions"
  FOR EACH ROW EXECUTE FUNCTION "answer_revisions_authors"();

-- Unpublished web slots get the account that opened them: the writer of their first revision, else of
-- their draft. Races before this migration could open several slots for one author and question; the
-- one kept is the one with history, else the newest draft. The author's newest draft among the kept
-- slot and its empty duplicates moves to the kept slot (the last write wins); empty duplicates go.
-- A duplicate with revisions stays (history is never deleted), without an opener.
CREATE TEMP TABLE "slot_owners" AS
SELECT a."id", a."article_id", o."author",
  EXISTS (SELECT 1 FROM "answer_revisions" r WHERE r."answer_id" = a."id") AS "has_revisions",
  (SELECT max(d."updated_at") FROM "answer_drafts" d WHERE d."answer_id" = a."id" AND d."author_id" = o."author") AS "draft_at",
  NULL::int AS "keep_id"
FROM "answers" a
CROSS JOIN LATERAL (SELECT coalesce(
  (SELECT r."created_by" FROM "answer_revisions" r WHERE r."answer_id" = a."id" AND r."created_by" NOT LIKE 'file:%' ORDER BY r."number" LIMIT 1),
  (SELECT d."author_id" FROM "answer_drafts" d WHERE d."answer_id" = a."id" ORDER BY d."updated_at" DESC LIMIT 1)) AS "author") o
WHERE a."position" IS NULL AND o."author" IS NOT NULL;

UPDATE "slot_owners" s SET "keep_id" = k."id"
FROM (SELECT DISTINCT ON ("article_id", "author") "article_id", "author", "id" FROM "slot_owners"
      ORDER BY "article_id", "author", "has_revisions" DESC, "draft_at" DESC NULLS LAST, "id") k
WHERE k."article_id" = s."article_id" AND k."author" = s."author";

UPDATE "answers" a SET "opened_by" = s."author" FROM "slot_owners" s WHERE a."id" = s."id" AND s."id" = s."keep_id";

WITH "newest" AS (
  SELECT DISTINCT ON (s."keep_id") s."keep_id", s."author", d."id" AS "draft_id"
  FROM "slot_owners" s JOIN "answer_drafts" d ON d."answer_id" = s."id" AND d."author_id" = s."author"
  WHERE s."id" = s."keep_id" OR NOT s."has_revisions"
  ORDER BY s."keep_id", d."updated_at" DESC, d."id" DESC
)
DELETE FROM "answer_drafts" d USING "newest" n, "slot_owners" s
WHERE s."keep_id" = n."keep_id" AND d."answer_id" = s."id" AND d."author_id" = n."author" AND d."id" <> n."draft_id"
  AND (s."id" = s."keep_id" OR NOT s."has_revisions");

UPDATE "answer_drafts" d SET "answer_id" = s."keep_id" FROM "slot_owners" s
WHERE d."answer_id" = s."id" AND d."author_id" = s."author" AND s."id" <> s."keep_id" AND NOT s."has_revisions";

DELETE FROM "answers" a USING "slot_owners" s WHERE a."id" = s."id" AND s."id" <> s."keep_id" AND NOT s."has_revisions";

DROP TABLE "slot_owners";

-- CreateIndex
CREATE UNIQUE INDEX "answers_article_id_opened_by_key" ON "answers"("article_id", "opened_by");

-- Four eyes on every path: nobody decides on, or checks the figures of, a revision with their words in
-- it — its authors (restores included) or the advisor it is attributed to — whatever code writes the row.
CREATE FUNCTION "wrote_revision"(reviewer TEXT, revision INT) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM "answer_revisions" r
    WHERE r."id" = revision
      AND (reviewer = ANY (r."authors") OR r."advisor_id" = (SELECT u."advisor_id" FROM "users" u WHERE u."id" = reviewer)))
$$;

CREATE FUNCTION "reviews_four_eyes_authors"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."reviewer_id" IS NOT NULL AND "wrote_revision"(NEW."reviewer_id", NEW."revision_id") THEN
    RAISE EXCEPTION 'reviews_four_eyes: reviewer % wrote (part of) revision %', NEW."reviewer_id", NEW."revision_id" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "reviews_four_eyes_authors" BEFORE INSERT OR UPDATE ON "reviews"
  FOR EACH ROW EXECUTE FUNCTION "reviews_four_eyes_authors"();

CREATE FUNCTION "answer_checks_four_eyes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF "wrote_revision"(NEW."reviewer_id", NEW."revision_id") THEN
    RAISE EXCEPTION 'answer_checks_four_eyes: reviewer % wrote (part of) revision %', NEW."reviewer_id", NEW."revision_id" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "answer_checks_four_eyes" BEFORE INSERT ON "answer_checks"
  FOR EACH ROW EXECUTE FUNCTION "answer_checks_four_eyes"();

-- At least one admin always remains. Demotions and removals of admins take turns on a transaction lock,
-- so the second of two at once counts the admins after the first has committed (each statement of a
-- plpgsql function sees what is committed when it starts).
CREATE FUNCTION "users_keep_an_admin"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('users_keep_an_admin'));
  IF NOT EXISTS (SELECT 1 FROM "users" WHERE "role" = 'admin') THEN
    RAISE EXCEPTION 'users_keep_an_admin: the last admin cannot be demoted or removed' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "users_keep_an_admin" AFTER UPDATE OF "role" OR DELETE ON "users"
  FOR EACH ROW WHEN (OLD."role" = 'admin') EXECUTE FUNCTION "users_keep_an_admin"();
