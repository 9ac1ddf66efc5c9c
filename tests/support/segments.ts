// Cutting a stream of octets into segments at arbitrary points, as TCP may deliver it, for property tests of framing
// and of the machines' readers.

/** cutAt cuts `octets` at the given offsets (each taken modulo its length + 1, repeats ignored), in order. */
export function cutAt(octets: string, at: readonly number[]): string[] {
  const points = [...new Set(at.map((p) => p % (octets.length + 1)))].sort((a, b) => a - b);
  return [...points, octets.length].map((end, i) => octets.slice(i === 0 ? 0 : points[i - 1], end));
}
