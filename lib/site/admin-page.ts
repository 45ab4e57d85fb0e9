// The session check of every authoring page: the signed-in editor, or a redirect (to sign-in without a
// session, to the queue with a role too low). Cached per request, so the layout and the page share one
// session lookup. The API checks again on every call (lib/site/admin-api.ts).
import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { may, type Permission } from "../auth/roles.ts";
import { currentEditor, type Editor } from "../authoring/session.ts";
import { adminPath, adminSignInPath } from "../urls.ts";

const editorOfRequest = cache(async () => currentEditor(await headers()));

/** The editor, who may take `action` (lib/auth/roles.ts PERMISSIONS); without one, any signed-in editor. */
export async function pageEditor(action?: Permission): Promise<Editor> {
  const editor = await editorOfRequest();
  if (!editor) redirect(adminSignInPath());
  if (action && !may(editor.role, action)) redirect(adminPath());
  return editor;
}
