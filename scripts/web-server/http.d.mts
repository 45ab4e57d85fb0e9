import type { IncomingMessage, ServerResponse } from "node:http";

export const REQUEST_ID_HEADER: string;
export function unavailableRequests(): Set<string>;
export function brokenEscapeResponse(url: string | undefined): { status: number; headers: Record<string, string>; body: string } | null;
export const CLIENT_HEADER: string;
export function inlineScriptHashes(html: string): string[];
export function withHashes(policy: string, hashes: string[]): string;
export const MAX_BODY_BYTES: number;
export function trustedProxies(value: string | undefined): import("node:net").BlockList | null;
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trusted: import("node:net").BlockList | null): string;
export function withOutagesAs503(
  handle: (req: IncomingMessage, res: ServerResponse) => unknown,
  newId: () => string,
  options?: { trusted?: import("node:net").BlockList | null },
): (req: IncomingMessage, res: ServerResponse) => unknown;
