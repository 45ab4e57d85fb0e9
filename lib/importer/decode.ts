// Raw bytes → text, or a clear reason why the file cannot be a scraped page. Pure.

export type Decoded = { ok: true; text: string } | { ok: false; error: string };

export function decodePage(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, error: "empty file" };
  if (bytes.includes(0)) return { ok: false, error: "binary file (contains NUL bytes), not a text page" };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, error: "not valid UTF-8 (GBK or Latin-1?); save the page as UTF-8 and import it again" };
  }
  if (text.trim() === "") return { ok: false, error: "empty file (only whitespace)" };
  // Control characters other than tab/newline/CR/form feed: not a text page.
  const controls = text.match(/[\u0001-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (controls > 0 && controls / text.length > 0.001) return { ok: false, error: "binary file (control characters), not a text page" };
  return { ok: true, text };
}
