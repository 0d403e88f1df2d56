/**
 * Exact fractions in BigInt, so that 6 × 290/495 rounds to 3,52 points on every machine and a
 * threshold of 80 % is met by 4/5 exactly, never missed by a float's last bit.
 */
export interface Exact {
  n: bigint
  d: bigint
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a
  let y = b < 0n ? -b : b
  while (y !== 0n) [x, y] = [y, x % y]
  return x
}

export function exact(n: bigint, d: bigint = 1n): Exact {
  if (d === 0n) throw new RangeError('exact: zero denominator')
  const sign = d < 0n ? -1n : 1n
  const g = gcd(n, d) || 1n
  return { n: (sign * n) / g, d: (sign * d) / g }
}

export const ZERO = exact(0n)

/** A weight from a formula set (6, 2.5, 0.125) as an exact fraction: read from its decimal digits. */
export function fromDecimal(value: number): Exact {
  if (!Number.isFinite(value)) throw new RangeError(`fromDecimal: ${value}`)
  const text = value.toString()
  if (/e/i.test(text)) throw new RangeError(`fromDecimal: ${value} has too many digits`)
  const [whole, fraction = ''] = text.split('.') as [string, string?]
  return exact(BigInt(whole + fraction), 10n ** BigInt(fraction.length))
}

export function ratioOf(numerator: number, denominator: number): Exact {
  return exact(BigInt(numerator), BigInt(denominator))
}

export const add = (a: Exact, b: Exact): Exact => exact(a.n * b.d + b.n * a.d, a.d * b.d)
export const sub = (a: Exact, b: Exact): Exact => exact(a.n * b.d - b.n * a.d, a.d * b.d)
export const mul = (a: Exact, b: Exact): Exact => exact(a.n * b.n, a.d * b.d)
export const div = (a: Exact, b: Exact): Exact => exact(a.n * b.d, a.d * b.n)
export const compare = (a: Exact, b: Exact): number => {
  const diff = a.n * b.d - b.n * a.d
  return diff < 0n ? -1 : diff > 0n ? 1 : 0
}
export const min = (a: Exact, b: Exact): Exact => (compare(a, b) <= 0 ? a : b)

/** Rounded half-up to two decimals (non-negative values). */
export function toHundredths(value: Exact): number {
  const hundredths = (value.n * 200n + value.d) / (2n * value.d)
  return Number(hundredths) / 100
}
