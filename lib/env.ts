// Environment, validated once. Everything has a default that works on a developer's machine.
import { resolve } from "node:path";
import { z } from "zod";

const schema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgresql:// URL" }).optional(),
  MEILI_URL: z.url({ protocol: /^https?$/, error: "must be an http(s):// URL" }).optional(),
  MEILI_MASTER_KEY: z.string().min(1).optional(),
  MEILI_INDEX: z.string().regex(/^[A-Za-z0-9_-]+$/).default("articles"),
  DATA_DIR: z.string().default(".data"),
  CONTENT_DIR: z.string().default("content"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
});

export type Env = z.infer<typeof schema> & { dataDir: string; contentDir: string };

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new Error(`Invalid environment:\n${z.prettifyError(parsed.error)}`);
  }
  return { ...parsed.data, dataDir: resolve(parsed.data.DATA_DIR), contentDir: resolve(parsed.data.CONTENT_DIR) };
}
