// GET  /api/admin/policies/{id}/checks → { checks } (newest first)
// POST /api/admin/policies/{id}/checks { outcome, title?, publisher?, number?, publishedOn?, url?, checkedOn?, note? }
//      → 201 { id, outcome, checkedOn }; the pages showing the policy are expired everywhere.
import { checkHistory, recordPolicyCheck, requirePolicy } from "@/lib/calculators/policies/checks";
import { checkInputSchema } from "@/lib/domain/checks";
import { filePolicies } from "@/lib/calculators/policies/server-policies";
import { getDb } from "@/lib/db/client";
import { adminRoute } from "@/lib/site/admin-api";

export const dynamic = "force-dynamic";

export const GET = adminRoute<undefined, { id: string }>({ action: "policy.history" }, async ({ params }) => {
  requirePolicy(await filePolicies(), params.id);
  return { checks: await checkHistory(getDb(), params.id) };
});

export const POST = adminRoute<typeof checkInputSchema, { id: string }>(
  { action: "policy.check", body: checkInputSchema },
  async ({ params, body, editor }) => {
    // The check vouches for the figures of the file as it is now (not as a reviewer's check showed it).
    const policy = requirePolicy(await filePolicies(), params.id);
    return recordPolicyCheck(getDb(), policy, body, editor);
  },
  201,
);
