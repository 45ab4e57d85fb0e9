// What a failed database call means for the person who made the request. Pure. A unique key taken by a
// concurrent write is a conflict (409, try again), a value Postgres cannot take (a number past its
// integer range, a date past year 9999, a character it cannot store) is bad input (400); an unreachable
// database is an outage (503, lib/db/availability.ts). Anything else is a bug.

// Prisma's known-request codes and Postgres SQLSTATEs, looked up through wrapped causes.
const UNIQUE = new Set(["P2002", "23505", "UniqueConstraintViolation"]);
const BAD_VALUE = new Set(["P2000", "P2006", "P2007", "P2009", "P2012", "P2019", "P2020", "P2023", "P2033", "22001", "22003", "22007", "22008", "22021", "22P02", "22P05", "54000", "ValueOutOfRange", "InvalidInputValue", "LengthMismatch"]);

function codes(error: unknown, out: string[] = [], depth = 0): string[] {
  if (!error || typeof error !== "object" || depth > 5) return out;
  const e = error as { code?: unknown; originalCode?: unknown; kind?: unknown; cause?: unknown; meta?: { code?: unknown; driverAdapterError?: unknown } };
  for (const c of [e.code, e.originalCode, e.meta?.code, e.kind]) if (typeof c === "string") out.push(c);
  codes(e.meta?.driverAdapterError, out, depth + 1);
  codes(e.cause, out, depth + 1);
  return out;
}

export function isUniqueViolation(error: unknown): boolean {
  return codes(error).some((c) => UNIQUE.has(c));
}

export function isBadValue(error: unknown): boolean {
  return codes(error).some((c) => BAD_VALUE.has(c));
}
