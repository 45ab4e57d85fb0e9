// The one rule every text a request carries goes through: no NUL and no unpaired UTF-16 surrogate.
// Postgres cannot store either in text (NUL is refused outright, a lone surrogate has no UTF-8 form),
// so letting one through turned bad input into a 5xx deep inside a write. Refused at the boundary with
// a Chinese message naming the field instead. Pure.

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const TEXT_MESSAGE = "含有无法保存的字符（空字符或不完整的 Unicode 字符），请删除后再试";

export function isStorableText(s: string): boolean {
  return !UNSTORABLE.test(s);
}

/** The path of the first string (key or value) in a parsed JSON value that is not storable, or null. */
export function findUnstorable(value: unknown, path: (string | number)[] = [], depth = 0): (string | number)[] | null {
  if (typeof value === "string") return isStorableText(value) ? null : path;
  if (depth > 64 || !value || typeof value !== "object") return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findUnstorable(value[i], [...path, i], depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value)) {
    if (!isStorableText(k)) return [...path, k];
    const hit = findUnstorable(v, [...path, k], depth + 1);
    if (hit) return hit;
  }
  return null;
}

/** A whole number that fits Postgres's integer column (ids, positions, revision numbers). */
export const INT4_MAX = 2 ** 31 - 1;

/** A positive id from a path segment, or null (then the route answers 404, as for any unknown id). */
export function idParam(raw: string | undefined): number | null {
  if (!raw || !/^\d{1,10}$/.test(raw)) return null;
  const n = Number(raw);
  return n >= 1 && n <= INT4_MAX ? n : null;
}
