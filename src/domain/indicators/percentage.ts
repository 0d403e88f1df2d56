/**
 * A rate as a percentage rounded half-up to two decimals, computed in integers so that
 * 290/495 is exactly 58.59 on every machine; null when there is nothing to measure.
 */
export function percentage(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || numerator < 0 || denominator < 0) {
    throw new RangeError(`percentage needs non-negative integers, got ${numerator}/${denominator}`)
  }
  // hundredths of a percent, half-up: floor((10000·n)/d + 1/2) = floor((20000·n + d) / (2·d))
  const hundredths = (BigInt(numerator) * 20000n + BigInt(denominator)) / (2n * BigInt(denominator))
  return Number(hundredths) / 100
}
