// GET /api/calculators/policies — every policy the calculator has, optionally filtered (lib/calculators/http/http.ts).
import { getPolicyList } from "@/lib/calculators/http/http";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return getPolicyList(request);
}
