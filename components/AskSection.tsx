// The ask form with its region data (provinces and their cities, from lib/regions on the server).
import { provincesWithCities } from "@/lib/regions";
import { AskForm } from "./AskForm";

export function AskSection(props: { defaultTitle?: string; defaultRegion?: string; heading?: string }) {
  return <AskForm provinces={provincesWithCities()} {...props} />;
}
