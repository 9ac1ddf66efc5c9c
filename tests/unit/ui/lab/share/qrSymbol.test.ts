import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { QUIET_ZONE, qrSymbol, type QrSymbol } from '../../../../../src/ui/lab/share/qrSymbol.ts';

const SCALE = 4;

// Paints the symbol's runs (`M x y h w v1 h -w z`) as black on white, SCALE pixels a module, as jsQR reads pixels.
function paint(symbol: QrSymbol): { data: Uint8ClampedArray; width: number } {
  const width = symbol.size * SCALE;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [, x, y, w] of symbol.path.matchAll(/M(\d+) (\d+)h(\d+)/g)) {
    for (let py = Number(y) * SCALE; py < (Number(y) + 1) * SCALE; py++)
      for (let px = Number(x) * SCALE; px < (Number(x) + Number(w)) * SCALE; px++)
        data.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3);
  }
  return { data, width };
}

describe('a link as a QR code', () => {
  it('decodes back to the same link, quiet zone included', () => {
    const link = 'http://localhost:5173/?scenario=outage&at=1801135&nth=2&lang=ko';
    const symbol = qrSymbol(link);
    if (!symbol) throw new Error('no symbol');
    expect(symbol.path).not.toMatch(new RegExp(`M[0-${QUIET_ZONE - 1}] `));
    const { data, width } = paint(symbol);
    expect(jsQR(data, width, width)?.data).toBe(link);
  });

  it('is null for a link longer than the largest symbol holds', () => {
    expect(qrSymbol(`http://localhost/?world=${'x'.repeat(3000)}`)).toBeNull();
  });
});
