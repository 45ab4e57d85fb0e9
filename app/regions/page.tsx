import { permanentRedirect } from "next/navigation";
import { regionPath } from "@/lib/urls";
import { NATIONWIDE } from "@/lib/regions";

// /regions is the nationwide page's address without its code.
export default function Regions() {
  permanentRedirect(regionPath(NATIONWIDE));
}
