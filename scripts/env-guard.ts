// The scripts' first line: the environment, or a message naming the bad variable and exit code 2.
import { EnvError, type Env } from "../lib/env.ts";

export function exitOnEnvError(read: () => Env): Env {
  try {
    return read();
  } catch (e) {
    if (!(e instanceof EnvError)) throw e;
    console.error(e.message);
    process.exit(2);
  }
}
