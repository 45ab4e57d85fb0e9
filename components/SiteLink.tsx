// next/link without prefetching, for the public pages. By default every <Link> in the viewport fetches
// its target's RSC payload as soon as the page has hydrated: a question page fired about fifteen such
// requests (search pages among them, each a Meilisearch query rendered per request), and on a slow
// phone their responses were parsed on the main thread right when the reader starts to scroll — most
// of Lighthouse's total blocking time after hydration. Navigation stays client-side; the target's
// payload is fetched on click, and the pages it leads to are served from the page cache.
import NextLink from "next/link";
import type { ComponentProps } from "react";

export default function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
