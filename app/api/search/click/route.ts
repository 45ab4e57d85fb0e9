// POST /api/search/click { queryId, slug, position, q? } → 202 — a click on a search result (queryId from
// the search response) or a suggestion (queryId from /api/suggest, q what had been typed). Sent with
// navigator.sendBeacon, so the body may arrive as text/plain.
import { recordClick, clickSchema } from "@/lib/analytics/clicks";
import { getDb } from "@/lib/db/client";
import { clientOf } from "@/lib/http/client";
import { publicRoute } from "@/lib/site/admin-api";
import { BODY_LIMITS } from "@/lib/http/body";

export const dynamic = "force-dynamic";

export const POST = publicRoute({ body: clickSchema, maxBytes: BODY_LIMITS.small }, ({ req, body }) => recordClick(getDb(), body, clientOf(req.headers)), 202);
