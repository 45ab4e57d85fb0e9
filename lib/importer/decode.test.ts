import { describe, expect, it } from "vitest";
import { decodePage } from "./decode.ts";

const bytes = (...b: number[]) => Uint8Array.from(b);

describe("decodePage", () => {
  it("reads UTF-8 text, with or without a BOM", () => {
    expect(decodePage(new TextEncoder().encode("居民医保\n"))).toEqual({ ok: true, text: "居民医保\n" });
    expect(decodePage(bytes(0xef, 0xbb, 0xbf, ...new TextEncoder().encode("医保")))).toEqual({ ok: true, text: "医保" });
  });

  it("refuses an empty or blank file", () => {
    expect(decodePage(bytes())).toEqual({ ok: false, error: "empty file" });
    expect(decodePage(new TextEncoder().encode(" \n\n\t"))).toMatchObject({ ok: false, error: expect.stringContaining("empty") });
  });

  it("refuses binary data", () => {
    expect(decodePage(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00))).toMatchObject({ ok: false, error: expect.stringContaining("binary") });
    expect(decodePage(new TextEncoder().encode("ab\u0001\u0002\u0003\u0004cd"))).toMatchObject({ ok: false, error: expect.stringContaining("binary") });
  });

  it("refuses GBK and Latin-1 text with a hint to re-save as UTF-8", () => {
    // 医保 in GBK
    expect(decodePage(bytes(0xd2, 0xbd, 0xb1, 0xa3))).toMatchObject({ ok: false, error: expect.stringContaining("UTF-8") });
    expect(decodePage(Uint8Array.from(Buffer.from("café à la carte", "latin1")))).toMatchObject({ ok: false, error: expect.stringContaining("UTF-8") });
  });
});
