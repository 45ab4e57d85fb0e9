import { expect, it } from "vitest";
import { jsonLdScript } from "./json-ld.ts";

it("escapes characters that could end the script element and round-trips the data", () => {
  const data = { name: "</script><script>alert(1)</script>", text: "行\u2028分隔" };
  const out = jsonLdScript(data);
  expect(out).not.toContain("</script>");
  expect(out).not.toContain("\u2028");
  expect(JSON.parse(out)).toEqual(data);
});
