// Arithmetic on TCP sequence numbers, which live modulo 2^32 (RFC 793 §3.3): comparisons must survive the wrap.

const MOD = 0x1_0000_0000;

/** seqAdd adds n to a sequence number, wrapping at 2^32. */
export function seqAdd(a: number, n: number): number {
  return (((a + n) % MOD) + MOD) % MOD;
}

/** seqDiff is b − a as a signed distance, valid while the two are less than 2^31 apart. */
export function seqDiff(a: number, b: number): number {
  const d = (b - a) % MOD;
  if (d >= MOD / 2) return d - MOD;
  if (d < -MOD / 2) return d + MOD;
  return d;
}

/** seqLt is true when a comes before b. */
export function seqLt(a: number, b: number): boolean {
  return seqDiff(a, b) > 0;
}

/** seqLe is true when a comes before b or equals it. */
export function seqLe(a: number, b: number): boolean {
  return seqDiff(a, b) >= 0;
}
