// Advisor profiles of the file channel (content/advisors/*.yaml). Web advisors are never touched here.
import "server-only";
import type { Db } from "../db/client.ts";
import type { Advisor } from "../domain/schema.ts";

/**
 * Upserts changed file advisors; removes the file advisors no revision refers to any more. Returns the
 * ids it could not remove (answers still refer to them).
 */
export async function syncFileAdvisors(db: Db, advisors: Map<string, Advisor & { hash: string }>) {
  const live = await db.advisor.findMany({ select: { id: true, contentHash: true, origin: true } });
  const web = new Set(live.filter((a) => a.origin === "web").map((a) => a.id));
  const fileHashes = new Map(live.filter((a) => a.origin === "file").map((a) => [a.id, a.contentHash]));
  let changed = 0;
  const clashes: string[] = [];
  for (const a of advisors.values()) {
    if (web.has(a.id)) {
      clashes.push(a.id);
      continue;
    }
    if (fileHashes.get(a.id) === a.hash) continue;
    const data = { name: a.name, title: a.title, organisation: a.organisation ?? null, license: a.license ?? null, bio: a.bio ?? null, sample: a.sample, contentHash: a.hash };
    await db.advisor.upsert({ where: { id: a.id }, create: { id: a.id, origin: "file", ...data }, update: data });
    changed++;
  }
  const gone = [...fileHashes.keys()].filter((id) => !advisors.has(id));
  const stillUsed = gone.length
    ? (await db.answerRevision.findMany({ where: { advisorId: { in: gone } }, select: { advisorId: true }, distinct: ["advisorId"] })).map((r) => r.advisorId)
    : [];
  const removable = gone.filter((id) => !stillUsed.includes(id));
  if (removable.length) await db.advisor.deleteMany({ where: { id: { in: removable }, origin: "file" } });
  return { changed, removed: removable.length, stillUsed, clashes };
}

/** Every advisor id answers may name, whichever channel the advisor came from. */
export async function advisorIds(db: Db): Promise<Set<string>> {
  return new Set((await db.advisor.findMany({ select: { id: true } })).map((a) => a.id));
}
