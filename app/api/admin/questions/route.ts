// POST /api/admin/questions { title, question?, region, insurance, topics, year? } → 201 { slug }
import { createQuestion, newQuestionSchema } from "@/lib/authoring/questions";
import { getDb } from "@/lib/db/client";
import { adminRoute } from "@/lib/site/admin-api";

export const dynamic = "force-dynamic";

export const POST = adminRoute({ action: "question.create", body: newQuestionSchema }, ({ body, editor }) => createQuestion(getDb(), body, editor), 201);
