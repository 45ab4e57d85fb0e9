-- A content gap's state as an enum, as an article's state and a role are: Postgres refuses a state
-- no code knows. The rows keep their state (cast in place, not dropped and re-added).
CREATE TYPE "gap_state" AS ENUM ('open', 'dismissed', 'converted');

ALTER TABLE "content_gaps" ALTER COLUMN "state" DROP DEFAULT;
ALTER TABLE "content_gaps" ALTER COLUMN "state" TYPE "gap_state" USING ("state"::"gap_state");
ALTER TABLE "content_gaps" ALTER COLUMN "state" SET DEFAULT 'open';
