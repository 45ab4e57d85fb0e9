// POST /api/calculators/estimate — JSON bill in, fund / self split with explanation out (lib/calculators/http/http.ts).
import { postEstimate } from "@/lib/calculators/http/http";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return postEstimate(request);
}
