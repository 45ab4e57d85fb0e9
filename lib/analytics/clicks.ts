// Clicks on search results and suggestions, sent by the browser with navigator.sendBeacon. A click is
// one insert, off the search's own path; bots are left out as in the search log.
import "server-only";
import { z } from "zod";
import type { Db } from "../db/client.ts";
import { slugSchema } from "../domain/schema.ts";
import { storableText } from "../search/log.ts";

export const clickSchema = z.object({
  queryId: z.uuid({ error: "queryId 应为搜索响应中的 UUID" }),
  slug: slugSchema,
  position: z.number({ error: "position 应为数字" }).int().min(1).max(1000),
  /** Only for a suggestion: what had been typed. */
  q: z.string().max(100).optional(),
});
export type Click = z.infer<typeof clickSchema>;

export async function recordClick(db: Db, c: Click, client: { bot: boolean }): Promise<{ recorded: boolean }> {
  if (client.bot) return { recorded: false };
  await db.searchClick.create({
    data: { queryId: c.queryId, slug: c.slug, position: c.position, source: c.q === undefined ? "result" : "suggestion", query: c.q === undefined ? null : storableText(c.q.trim()) },
  });
  return { recorded: true };
}
