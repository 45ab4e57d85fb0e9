// The authoring pages' calls to /api/admin/* and /api/auth/*: JSON in, JSON out, the Chinese message of
// a refusal kept for the page to show.
export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; message: string; data: Record<string, unknown> };

export async function adminFetch<T = unknown>(path: string, init: { method?: string; body?: unknown } = {}): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? "GET",
      headers: init.body === undefined ? undefined : { "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: "same-origin",
    });
  } catch {
    return { ok: false, status: 0, message: "网络连接失败，请检查网络后重试。", data: {} };
  }
  const data = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (res.ok) return { ok: true, status: res.status, data: data as T };
  const message = typeof data.message === "string" ? data.message : res.status === 429 ? "尝试次数过多，请稍后再试。" : "操作没有成功，请稍后再试。";
  return { ok: false, status: res.status, message, data };
}
