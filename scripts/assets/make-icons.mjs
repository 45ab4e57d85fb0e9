// Draws the site's icons (a white cross on a teal rounded square) and writes app/favicon.ico,
// app/icon.png and app/apple-icon.png. Run by hand after changing the design: node scripts/assets/make-icons.mjs
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const TEAL = [14, 116, 144];

/** RGBA pixels of the icon at `size`, anti-aliased by 4×4 supersampling. */
function draw(size) {
  const px = Buffer.alloc(size * size * 4);
  const r = size * 0.2; // corner radius
  const inside = (x, y) => {
    const cx = Math.min(Math.max(x, r), size - r);
    const cy = Math.min(Math.max(y, r), size - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  const cross = (x, y) => {
    const arm = size * 0.13, len = size * 0.3, c = size / 2;
    return (Math.abs(x - c) <= arm && Math.abs(y - c) <= len) || (Math.abs(y - c) <= arm && Math.abs(x - c) <= len);
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let bg = 0, fg = 0;
      for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) {
        const fx = x + (sx + 0.5) / 4, fy = y + (sy + 0.5) / 4;
        if (inside(fx, fy)) cross(fx, fy) ? fg++ : bg++;
      }
      const a = (bg + fg) / 16, w = fg / Math.max(1, bg + fg);
      const i = (y * size + x) * 4;
      for (let k = 0; k < 3; k++) px[i + k] = Math.round(TEAL[k] * (1 - w) + 255 * w);
      px[i + 3] = Math.round(a * 255);
    }
  }
  return px;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size) {
  const px = draw(size);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) px.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}
/** An .ico holding PNG images (read by every current browser). */
function ico(sizes) {
  const images = sizes.map(png);
  const header = Buffer.alloc(6 + 16 * sizes.length);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(sizes.length, 4);
  let offset = header.length;
  sizes.forEach((s, i) => {
    const e = 6 + 16 * i;
    header[e] = s >= 256 ? 0 : s;
    header[e + 1] = s >= 256 ? 0 : s;
    header.writeUInt16LE(1, e + 4);
    header.writeUInt16LE(32, e + 6);
    header.writeUInt32LE(images[i].length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += images[i].length;
  });
  return Buffer.concat([header, ...images]);
}

const app = new URL("../../app/", import.meta.url);
writeFileSync(new URL("favicon.ico", app), ico([16, 32, 48]));
writeFileSync(new URL("icon.png", app), png(512));
writeFileSync(new URL("apple-icon.png", app), png(180));
console.log("icons written to app/");
