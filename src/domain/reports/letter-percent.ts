/**
 * A unit's rate as the letters write it in lists: one decimal at most, rounded half-up from the
 * fraction itself, decimal comma — 35/36 → "97,2%", 22/25 → "88%", 1/22 → "4,5%".
 *
 * It is computed from numerator and denominator, not from the two-decimal figure: rounding
 * 4,55% again would say 4,6% for 1/22 (4,545…%), which is not what the fraction is.
 * Null when there is nothing to measure.
 */
export function letterPercent(numerator: number, denominator: number): string | null {
  if (denominator === 0) return null
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || numerator < 0 || denominator < 0) {
    throw new RangeError(`letterPercent needs non-negative integers, got ${numerator}/${denominator}`)
  }
  // tenths of a percent, half-up: floor(1000·n/d + 1/2) = floor((2000·n + d) / (2·d))
  const tenths = (BigInt(numerator) * 2000n + BigInt(denominator)) / (2n * BigInt(denominator))
  const whole = tenths / 10n
  const decimal = tenths % 10n
  return decimal === 0n ? `${whole}%` : `${whole},${decimal}%`
}
