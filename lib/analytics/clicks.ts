// Clicks on search results and suggestions, sent by the browser with navigator.sendBeacon. A click is
// one insert, off the search's own path; bots are left out as in the search log, and so are query ids
// this server did not issue in the last day (lib/analytics/query-id.ts) and a second click on the same
// position of the same search (a unique key: replaying a beacon adds nothing).
import "server-only";
import { z } from "zod";
import type { Db } from "../db/client.ts";
import { slugSchema } from "../domain/schema.ts";
import { storableText } from "../search/log.ts";
import { isIssuedQueryId } from "./query-id.ts";

export const clickSchema = z.object({
  queryId: z.uuid({ error: "queryId 应为搜索响应中的 UUID" }),
  slug: slugSchema,
  position: z.number({ error: "position 应为数字" }).int().min(1).max(1000),
  /** Only for a suggestion: what had been typed. */
  q: z.string().max(100).optional(),
});
export type Click = z.infer<typeof clickSchema>;

export async function recordClick(db: Db, c: Click, client: { bot: boolean }): Promise<{ recorded: boolean }> {
  if (client.bot || !isIssuedQueryId(c.queryId)) return { recorded: false };
  const { count } = await db.searchClick.createMany({
    data: [{ queryId: c.queryId, slug: c.slug, position: c.position, source: c.q === undefined ? "result" : "suggestion", query: c.q === undefined ? null : storableText(c.q.trim()) }],
    skipDuplicates: true,
  });
  return { recorded: count === 1 };
}
