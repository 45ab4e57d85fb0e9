import type { IncomingMessage, ServerResponse } from "node:http";

export const REQUEST_ID_HEADER: string;
export function unavailableRequests(): Set<string>;
export function brokenEscapeResponse(url: string | undefined): { status: number; headers: Record<string, string>; body: string } | null;
export function withOutagesAs503(
  handle: (req: IncomingMessage, res: ServerResponse) => unknown,
  newId: () => string,
): (req: IncomingMessage, res: ServerResponse) => unknown;
