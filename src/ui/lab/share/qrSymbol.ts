// A link as a QR code symbol (ISO/IEC 18004, drawn by the qrcode library): the dark modules as one SVG path, so a
// component draws it at any size without a canvas, crisp on a projector.
import { create } from 'qrcode';

/** QUIET_ZONE is the light margin the standard asks around a symbol (4 modules), without which phones misread it. */
export const QUIET_ZONE = 4;

/** QrSymbol is a symbol ready to draw: its width in modules (with the quiet zone) and its dark modules as a path. */
export interface QrSymbol {
  readonly size: number;
  readonly path: string;
}

/**
 * qrSymbol encodes `text` with error correction level M (15% of the symbol may be smudged or hidden by a
 * projector's glare). It is null when the text is longer than the largest symbol holds.
 */
export function qrSymbol(text: string): QrSymbol | null {
  let modules;
  try {
    modules = create(text, { errorCorrectionLevel: 'M' }).modules;
  } catch {
    return null;
  }
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    // One horizontal run of dark modules is one rectangle, which keeps the path short.
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col += 1;
      parts.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h${start - col}z`);
    }
  }
  return { size: modules.size + 2 * QUIET_ZONE, path: parts.join('') };
}
