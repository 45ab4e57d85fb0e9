// Refusals that must leave a trace. A refusal found inside a transaction aborts it, and with it anything
// written there, so its audit event is written afterwards, on its own.
import "server-only";
import type { Db, Tx } from "../db/client.ts";
import type { AuditAction } from "../domain/audit-actions.ts";
import { AppError } from "../domain/errors.ts";
import type { Editor } from "./session.ts";

/** A forbidden action whose audit event is written once the transaction it was found in has rolled back. */
export class AuditedRefusal extends AppError {
  constructor(
    message: string,
    readonly audit: { actor: string; action: AuditAction; articleId: string | null; data: Record<string, string | number | null> },
  ) {
    super("forbidden", message);
  }
}

/** `fn` in one transaction; an AuditedRefusal it throws is recorded after the rollback, then thrown on. */
export async function withAuditedRefusals<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db.$transaction(fn, { timeout: 30_000, maxWait: 30_000 });
  } catch (e) {
    if (e instanceof AuditedRefusal) await db.auditEvent.create({ data: e.audit });
    throw e;
  }
}

/**
 * Whether the editor's words are in a revision: they are among its authors (its writer, and for a
 * restore the writers of the revision brought back) or it is attributed to their advisor profile. The
 * same rule is kept by the database (wrote_revision, in the reviews and answer_checks triggers).
 */
export function wroteRevision(revision: { authors: string[]; advisorId: string }, editor: Editor): boolean {
  return revision.authors.includes(editor.id) || (editor.advisorId !== null && revision.advisorId === editor.advisorId);
}
