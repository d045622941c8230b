// Draws the Teams app icons: `npx tsx scripts/make-teams-icons.ts` writes appPackage/color.png
// (192×192, full colour) and appPackage/outline.png (32×32, white on transparent), as Teams asks.
// PNGs are written with node:zlib alone so the icons can be regenerated without an image tool.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { crc32, deflateSync, inflateSync } from "node:zlib";

export interface Image {
  width: number;
  height: number;
  /** RGBA, 8 bits per channel, row by row. */
  rgba: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export function encodePng({ width, height, rgba }: Image): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit, RGBA, deflate, adaptive filtering, no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  return Buffer.concat([
    SIGNATURE,
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Decodes 8-bit RGB or RGBA non-interlaced PNGs (what icon tools write); enough to check icons. */
export function decodePng(png: Buffer): Image & { colorType: number } {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error("not a PNG file");
  let offset = 8;
  let width = 0;
  let height = 0;
  let colorType = -1;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString("latin1", offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (png.readUInt32BE(offset + 8 + length) !== crc32(png.subarray(offset + 4, offset + 8 + length)))
      throw new Error(`PNG chunk ${type} has a bad CRC`);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      colorType = data[9] ?? -1;
      if (data[8] !== 8 || data[12] !== 0 || (colorType !== 6 && colorType !== 2))
        throw new Error("only 8-bit, non-interlaced RGB/RGBA PNGs are supported");
    }
    if (type === "IDAT") idat.push(data);
    offset += 12 + length;
  }
  const channels = colorType === 6 ? 4 : 3;
  const stride = width * channels;
  const raw = inflateSync(Buffer.concat(idat));
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x] ?? 0;
      const a = x >= channels ? (pixels[y * stride + x - channels] ?? 0) : 0;
      const b = y > 0 ? (pixels[(y - 1) * stride + x] ?? 0) : 0;
      const c = x >= channels && y > 0 ? (pixels[(y - 1) * stride + x - channels] ?? 0) : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter ?? 0];
      if (predictor === undefined) throw new Error(`unknown PNG filter ${filter}`);
      pixels[y * stride + x] = (v + predictor) & 0xff;
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    for (let k = 0; k < 3; k++) rgba[i * 4 + k] = pixels[i * channels + k] ?? 0;
    rgba[i * 4 + 3] = channels === 4 ? (pixels[i * 4 + 3] ?? 0) : 255;
  }
  return { width, height, rgba, colorType };
}

/** Signed distance to a rounded rectangle centred at (cx, cy): negative inside. */
function roundedRect(
  x: number,
  y: number,
  cx: number,
  cy: number,
  hw: number,
  hh: number,
  r: number,
): number {
  const dx = Math.max(Math.abs(x - cx) - (hw - r), 0);
  const dy = Math.max(Math.abs(y - cy) - (hh - r), 0);
  const outside = Math.hypot(dx, dy) - r;
  const inside = Math.min(Math.max(Math.abs(x - cx) - hw, Math.abs(y - cy) - hh), 0);
  return dx > 0 || dy > 0 ? outside : inside;
}

/** Three stacked containers, each with a status light on the left: the glyph, in a unit square (0..1). */
function glyph(x: number, y: number): boolean {
  const bars = [0.3, 0.5, 0.7];
  return bars.some(
    (cy) => roundedRect(x, y, 0.5, cy, 0.3, 0.075, 0.04) <= 0 && Math.hypot(x - 0.3, y - cy) > 0.035,
  );
}

/** Renders with 4×4 supersampling so edges are smooth at 32 px too. */
function draw(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Image {
  const rgba = new Uint8Array(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const [r, g, b, a] = pixel((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          // Premultiplied so partly covered edge pixels keep their colour.
          acc[0] = (acc[0] ?? 0) + r * a;
          acc[1] = (acc[1] ?? 0) + g * a;
          acc[2] = (acc[2] ?? 0) + b * a;
          acc[3] = (acc[3] ?? 0) + a;
        }
      }
      const alpha = acc[3] ?? 0;
      const i = (py * size + px) * 4;
      rgba[i] = alpha ? Math.round((acc[0] ?? 0) / alpha) : 0;
      rgba[i + 1] = alpha ? Math.round((acc[1] ?? 0) / alpha) : 0;
      rgba[i + 2] = alpha ? Math.round((acc[2] ?? 0) / alpha) : 0;
      rgba[i + 3] = Math.round(alpha / (n * n));
    }
  }
  return { width: size, height: size, rgba };
}

const ACCENT: [number, number, number] = [0x2f, 0x6f, 0xdb];

export function colorIcon(): Image {
  return draw(192, (x, y) => {
    if (roundedRect(x, y, 0.5, 0.5, 0.5, 0.5, 0.18) > 0) return [0, 0, 0, 0];
    return glyph(x, y) ? [255, 255, 255, 255] : [...ACCENT, 255];
  });
}

export function outlineIcon(): Image {
  return draw(32, (x, y) => (glyph(x, y) ? [255, 255, 255, 255] : [0, 0, 0, 0]));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dir = resolve(process.argv[2] ?? "appPackage");
  writeFileSync(resolve(dir, "color.png"), encodePng(colorIcon()));
  writeFileSync(resolve(dir, "outline.png"), encodePng(outlineIcon()));
  console.log(`wrote ${dir}/color.png (192×192) and ${dir}/outline.png (32×32)`);
}
