import type { Server } from "node:http";
export declare const STOPPING: unique symbol;
export declare function stopGracefully(server: Server, opts?: { drainMs?: number; graceMs?: number; log?: (line: string) => void }): void;
