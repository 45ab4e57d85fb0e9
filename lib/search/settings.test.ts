import { describe, expect, it } from "vitest";
import { allSynonyms } from "./settings.ts";

describe("synonyms sent to Meilisearch", () => {
  it("apply groups both ways and colloquial groups one way only", () => {
    const s = allSynonyms({ synonyms: [["外省", "省外"]], colloquial: [{ says: ["外地", "外省"], means: ["异地"] }] });
    expect(s["外地"]).toEqual(["异地"]);
    expect(s["外省"]).toEqual(["省外", "异地"]);
    expect(s["省外"]).toEqual(["外省"]);
    expect(s["异地"]).toBeUndefined();
  });
});
