// The MD5 message digest (RFC 1321), which APOP applies to the greeting's timestamp and a shared secret (RFC 1939
// §7). Pure TypeScript over octet strings, so that it runs alike in the browser, in Node and in the simulation.

// Per-round left rotations (RFC 1321 §3.4).
const SHIFTS = [
  7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9,
  14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15,
  21, 6, 10, 15, 21,
];

// T[i] = floor(2^32 × |sin(i + 1)|), the table of RFC 1321 §3.4.
const T = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);

/**
 * md5Hex digests an octet string (one char per byte, codes 0–255; see shared/octets.ts for Unicode text) and
 * returns the 16-octet digest as 32 lower-case hexadecimal digits, the form APOP sends (RFC 1939 §7).
 */
export function md5Hex(octets: string): string {
  const words = padded(octets);
  let a0 = 0x67452301;
  let b0 = 0xefcdab89;
  let c0 = 0x98badcfe;
  let d0 = 0x10325476;
  for (let block = 0; block < words.length; block += 16) {
    let a = a0;
    let b = b0;
    let c = c0;
    let d = d0;
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) {
        f = (b & c) | (~b & d);
        g = i;
      } else if (i < 32) {
        f = (d & b) | (~d & c);
        g = (5 * i + 1) % 16;
      } else if (i < 48) {
        f = b ^ c ^ d;
        g = (3 * i + 5) % 16;
      } else {
        f = c ^ (b | ~d);
        g = (7 * i) % 16;
      }
      const sum = (a + f + (T[i] ?? 0) + (words[block + g] ?? 0)) | 0;
      a = d;
      d = c;
      c = b;
      b = (b + rotateLeft(sum, SHIFTS[i] ?? 0)) | 0;
    }
    a0 = (a0 + a) | 0;
    b0 = (b0 + b) | 0;
    c0 = (c0 + c) | 0;
    d0 = (d0 + d) | 0;
  }
  return [a0, b0, c0, d0].map(littleEndianHex).join('');
}

// RFC 1321 §3.1–3.2: a 1 bit, zeros to 448 mod 512 bits, then the length in bits as 64 bits, little-endian.
function padded(octets: string): Uint32Array {
  const length = octets.length;
  const words = new Uint32Array((((length + 8) >>> 6) + 1) * 16);
  const setByte = (i: number, byte: number): void => {
    words[i >>> 2] = (words[i >>> 2] ?? 0) | (byte << ((i % 4) * 8));
  };
  for (let i = 0; i < length; i++) setByte(i, octets.charCodeAt(i) & 0xff);
  setByte(length, 0x80);
  const bits = length * 8;
  words[words.length - 2] = bits >>> 0;
  words[words.length - 1] = Math.floor(bits / 2 ** 32);
  return words;
}

function rotateLeft(x: number, n: number): number {
  return (x << n) | (x >>> (32 - n));
}

function littleEndianHex(word: number): string {
  let out = '';
  for (let i = 0; i < 4; i++) out += ((word >>> (i * 8)) & 0xff).toString(16).padStart(2, '0');
  return out;
}
