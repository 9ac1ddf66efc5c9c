// How a link carries JSON (a scenario, what was done): base64url of its UTF-8 text, or, when that is shorter,
// `z1.` and base64url of its deflate-raw compression (the browser's own CompressionStream). Older links carry only
// the plain form, which is still read. The marker's digit is the format's version, so a later one can be refused
// by name rather than misread.

/** COMPRESSED is the marker that opens a compressed payload; '.' never occurs in base64url, so it cannot mislead. */
export const COMPRESSED = 'z1.';

/**
 * PayloadProblem is why a payload could not be read: undecodable (`damaged`), a format this version lacks, or
 * more than `maxBytes` once decoded (`tooLarge`, with the size reached when reading stopped).
 */
export type PayloadProblem =
  { problem: 'damaged' } | { problem: 'version'; marker: string } | { problem: 'tooLarge'; bytes: number };

/** PayloadResult is the JSON value a payload held, or why there is none. */
export type PayloadResult = { ok: true; value: unknown } | ({ ok: false } & PayloadProblem);

function bytesToBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function base64UrlToBytes(text: string): Uint8Array {
  if (!/^[\w-]*$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

class TooLarge extends Error {
  constructor(readonly bytes: number) {
    super(`more than the limit: ${bytes} bytes`);
  }
}

// Streams `bytes` through a (de)compressor; past `maxBytes` of output it stops, so a small link cannot inflate
// into gigabytes.
async function pipeThrough(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
  maxBytes = Infinity,
): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  // The write is awaited through the reads below; its rejection (bad data) surfaces there too.
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new TooLarge(size);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** encodePayload writes `value` as JSON for a link: compressed when that is shorter than the plain form. */
export async function encodePayload(value: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  const plain = bytesToBase64Url(bytes);
  const packed =
    COMPRESSED + bytesToBase64Url(await pipeThrough(bytes, new CompressionStream('deflate-raw')));
  return packed.length < plain.length ? packed : plain;
}

/**
 * encodePlainPayload writes `value` in the plain form at once, for an address rewritten on every step, where
 * waiting for a stream is not worth a few characters.
 */
export function encodePlainPayload(value: unknown): string {
  return bytesToBase64Url(new TextEncoder().encode(JSON.stringify(value)));
}

/**
 * decodePayload reads what encodePayload (or an older link) wrote, refusing more than `maxBytes` of JSON text
 * before parsing it; it never throws.
 */
export async function decodePayload(text: string, maxBytes: number): Promise<PayloadResult> {
  const marker = /^([a-z]\d+)\./.exec(text);
  if (marker && `${marker[1]}.` !== COMPRESSED)
    return { ok: false, problem: 'version', marker: marker[1] ?? '' };
  // base64 is 4/3 of the bytes it carries: a longer plain payload is too large before it is decoded.
  if (!marker && text.length > (maxBytes * 4) / 3)
    return { ok: false, problem: 'tooLarge', bytes: Math.floor((text.length * 3) / 4) };
  try {
    const bytes = marker
      ? await pipeThrough(
          base64UrlToBytes(text.slice(COMPRESSED.length)),
          new DecompressionStream('deflate-raw'),
          maxBytes,
        )
      : base64UrlToBytes(text);
    return { ok: true, value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
  } catch (error) {
    if (error instanceof TooLarge) return { ok: false, problem: 'tooLarge', bytes: error.bytes };
    return { ok: false, problem: 'damaged' };
  }
}
