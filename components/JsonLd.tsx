import { jsonLdScript } from "@/lib/seo/json-ld";

/** One JSON-LD block, escaped so that no text in it can close the script element. */
export function JsonLd({ data }: { data: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScript(data) }} />;
}
