import type { IncomingMessage, ServerResponse } from "node:http";
import type client from "prom-client";
export type ProcessMetrics = {
  registry: client.Registry;
  client: typeof client;
  httpRequests: client.Counter<"group" | "status">;
  httpDuration: client.Histogram<"group">;
  searches: client.Counter<"mode" | "cause">;
  zeroResults: client.Counter;
};
export declare function metrics(): ProcessMetrics;
export declare function routeGroup(path: string): string;
export declare function observeRequest(req: IncomingMessage, res: ServerResponse): void;
