// The origins the site answers writes from: its SITE_URL, and on a loopback host the same port under
// both loopback names (development and tests reach one server as localhost and as 127.0.0.1). Sign-in
// (better-auth's trustedOrigins) and the authoring API's Origin check both use this. Pure.
export function trustedOrigins(siteUrl: string): string[] {
  const u = new URL(siteUrl);
  const out = new Set([u.origin]);
  if (u.hostname === "localhost" || u.hostname === "127.0.0.1") {
    for (const host of ["localhost", "127.0.0.1"]) out.add(`${u.protocol}//${host}${u.port ? `:${u.port}` : ""}`);
  }
  return [...out];
}
