// What an unanswered question page offers: follow it (a private link that shows the answer once it is
// published) and ask a question of one's own.
import { AskSection } from "./AskSection";
import { FollowButton } from "./FollowButton";

export function UnansweredActions({ slug, region }: { slug: string; region: string }) {
  return (
    <div className="unanswered-actions">
      <FollowButton slug={slug} />
      <AskSection defaultRegion={region} heading="你的情况不一样？向顾问提问" />
    </div>
  );
}
