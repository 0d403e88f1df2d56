/** The most decimals a template may ask for in a list: beyond the published two, two more. */
export const MAX_LIST_DECIMALS = 4

/**
 * A unit's rate as the letters write it in lists: at most `decimals` decimals (seed 000: one,
 * seed 002: two), rounded half-up from the fraction itself, trailing zeros dropped, decimal
 * comma — 35/36 → "97,2%", 22/25 → "88%", 1/22 → "4,5%"; with two, 7/36 → "19,44%", 51/200 → "25,5%".
 *
 * It is computed from numerator and denominator, not from the two-decimal figure: rounding
 * 4,55% again would say 4,6% for 1/22 (4,545…%), which is not what the fraction is.
 * Null when there is nothing to measure.
 */
export function letterPercent(numerator: number, denominator: number, decimals = 1): string | null {
  if (denominator === 0) return null
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || numerator < 0 || denominator < 0) {
    throw new RangeError(`letterPercent needs non-negative integers, got ${numerator}/${denominator}`)
  }
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_LIST_DECIMALS) {
    throw new RangeError(`letterPercent takes 0 to ${MAX_LIST_DECIMALS} decimals, got ${decimals}`)
  }
  // units of 10^-decimals percent, half-up: floor(100·scale·n/d + 1/2) = floor((200·scale·n + d) / (2·d))
  const scale = 10n ** BigInt(decimals)
  const units = (BigInt(numerator) * 200n * scale + BigInt(denominator)) / (2n * BigInt(denominator))
  const whole = units / scale
  const fraction = (units % scale).toString().padStart(decimals, '0').replace(/0+$/, '')
  return fraction === '' ? `${whole}%` : `${whole},${fraction}%`
}
