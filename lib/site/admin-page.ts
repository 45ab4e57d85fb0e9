// The session check of every authoring page: the signed-in editor, or a redirect (to sign-in without a
// session, to the queue with a role too low). Cached per request, so the layout and the page share one
// session lookup. The API checks again on every call (lib/site/admin-api.ts).
import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { hasRole, type Role } from "../auth/roles.ts";
import { currentEditor, type Editor } from "../authoring/session.ts";
import { adminPath, adminSignInPath } from "../urls.ts";

const editorOfRequest = cache(async () => currentEditor(await headers()));

export async function pageEditor(needed: Role = "advisor"): Promise<Editor> {
  const editor = await editorOfRequest();
  if (!editor) redirect(adminSignInPath());
  if (!hasRole(editor.role, needed)) redirect(adminPath());
  return editor;
}
