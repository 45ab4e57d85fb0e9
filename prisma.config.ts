import { defineConfig } from "prisma/config";

// Prisma 7 reads the datasource URL from here; it does not load .env itself.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" },
});
