// POST /api/admin/preview { body } → { parts } — the editor's live preview, rendered by the same pipeline
// and sanitiser as the public page; a calculator comes with its configuration and first result, so
// the preview draws the very widget readers will use.
import { z } from "zod";
import { embeddedCalculator } from "@/lib/site/calculator-embed";
import { renderMarkdownParts } from "@/lib/markdown/render";
import { adminRoute } from "@/lib/site/admin-api";
import { BODY_LIMITS } from "@/lib/http/body";

export const dynamic = "force-dynamic";

export const POST = adminRoute({ action: "preview", body: z.object({ body: z.string().max(200_000, "解答太长（上限 20 万字符）") }), maxBytes: BODY_LIMITS.draft }, async ({ body }) => ({
  parts: await Promise.all(
    renderMarkdownParts(body.body).map(async (part) => (part.kind === "html" ? part : { kind: "calculator" as const, calculator: await embeddedCalculator(part.directive) })),
  ),
}));
