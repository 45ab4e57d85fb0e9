// POST /api/admin/preview { body } → { html } — the editor's live preview, rendered by the same pipeline
// and sanitiser as the public page.
import { z } from "zod";
import { renderMarkdown } from "@/lib/markdown/render";
import { adminRoute } from "@/lib/site/admin-api";

export const dynamic = "force-dynamic";

export const POST = adminRoute({ role: "advisor", action: "preview", body: z.object({ body: z.string().max(200_000) }) }, async ({ body }) => ({ html: renderMarkdown(body.body) }));
