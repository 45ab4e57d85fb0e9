// Where the embedded servers listen (HOST, 127.0.0.1 unless set) and the address this machine's own
// clients use to reach them: a wildcard bind is reached over loopback.
import { isIPv6 } from "node:net";

/** The host part of a URL that reaches a server bound to `bind`. */
export function reachHost(bind: string): string {
  const host = bind === "0.0.0.0" ? "127.0.0.1" : bind === "::" ? "::1" : bind;
  return isIPv6(host) ? `[${host}]` : host;
}

/** The `host:port` form servers take for their listen address. */
export function listenAddress(bind: string, port: number): string {
  return `${isIPv6(bind) ? `[${bind}]` : bind}:${port}`;
}
