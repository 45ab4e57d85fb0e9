#!/bin/sh
# Stands in for Prisma's native schema engine, which the Prisma CLI wants to download before `prisma generate`
# (generate itself does not run it). Migrations run through the WebAssembly engine in lib/db/migrate.ts.
echo "The native Prisma schema engine is not installed here; use npm run db:migrate / db:migration." >&2
exit 1
