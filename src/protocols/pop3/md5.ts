// The MD5 message digest (RFC 1321), which APOP applies to the greeting's timestamp and a shared secret (RFC 1939
// §7). Pure TypeScript over octet strings, so that it runs alike in the browser, in Node and in the simulation.

// Per-round left rotations (RFC 1321 §3.4).
const SHIFTS = [
  7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9,
  14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15,
  21, 6, 10, 15, 21,
];

// T[i] = floor(2^32 × |sin(i + 1)|), the table of RFC 1321 §3.4, written out: Math.sin need not be correctly
// rounded, so computing it could differ between engines in the last bit.
const T = [
  0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501, 0x698098d8,
  0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821, 0xf61e2562, 0xc040b340,
  0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8, 0x21e1cde6, 0xc33707d6, 0xf4d50d87,
  0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a, 0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c,
  0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70, 0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039,
  0xe6db99e5, 0x1fa27cf8, 0xc4ac5665, 0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92,
  0xffeff47d, 0x85845dd1, 0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb,
  0xeb86d391,
];

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
