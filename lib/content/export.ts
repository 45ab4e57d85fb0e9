// Postgres → content files: articles (any channel) written back in the file format, with the advisor
// profiles they name, so a team can keep a git copy or move an article to the file channel.
import "server-only";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { articlesForExport } from "../articles/read.ts";
import { fromRecord } from "../articles/record.ts";
import type { Db } from "../db/client.ts";
import { formatAdvisor, formatQuestion } from "./format.ts";

export type ExportReport = { articles: number; advisors: number; missing: string[] };

export async function exportContent(db: Db, opts: { slugs: string[] | "all"; out: string }): Promise<ExportReport> {
  const found = await articlesForExport(db, opts.slugs);
  const missing = opts.slugs === "all" ? [] : opts.slugs.filter((s) => !found.some((a) => a.record.slug === s));
  await mkdir(join(opts.out, "questions"), { recursive: true });
  for (const a of found) await writeFile(join(opts.out, "questions", `${a.record.slug}.md`), formatQuestion(fromRecord(a.record)));
  const advisorIds = [...new Set(found.flatMap((a) => a.record.answers.map((x) => x.advisor)))];
  const advisors = await db.advisor.findMany({ where: { id: { in: advisorIds } } });
  if (advisors.length) await mkdir(join(opts.out, "advisors"), { recursive: true });
  for (const a of advisors) {
    const profile = { id: a.id, name: a.name, title: a.title, organisation: a.organisation ?? undefined, license: a.license ?? undefined, bio: a.bio ?? undefined, sample: a.sample };
    await writeFile(join(opts.out, "advisors", `${a.id}.yaml`), formatAdvisor(profile));
  }
  return { articles: found.length, advisors: advisors.length, missing };
}
