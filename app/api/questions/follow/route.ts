// POST /api/questions/follow { slug } → 201 { followUrl } — a private link to learn when a public
// question is answered.
import { z } from "zod";
import { followQuestion } from "@/lib/asks/follow";
import { getDb } from "@/lib/db/client";
import { slugSchema } from "@/lib/domain/schema";
import { clientOf } from "@/lib/http/client";
import { publicRoute } from "@/lib/site/admin-api";
import { BODY_LIMITS } from "@/lib/http/body";

export const dynamic = "force-dynamic";

export const POST = publicRoute({ body: z.object({ slug: slugSchema }), maxBytes: BODY_LIMITS.small }, ({ req, body }) => followQuestion(getDb(), body.slug, clientOf(req.headers)), 201);
