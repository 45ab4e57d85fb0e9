import type { ReactNode } from "react";
import "./admin.css";

// Only to bring the authoring app's stylesheet (sign-in included): the public pages do without it.
export default function AdminStyles({ children }: { children: ReactNode }) {
  return children;
}
