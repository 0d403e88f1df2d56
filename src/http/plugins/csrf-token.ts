import { timingSafeEqual } from 'node:crypto'

/**
 * Whether the anti-forgery header carries the session's token. Compared in constant time over
 * equal-length bytes, so the answer's timing tells nothing of how much of a guess was right.
 */
export function csrfTokenMatches(given: string | string[] | undefined, expected: string | null): boolean {
  if (typeof given !== 'string' || expected === null || expected === '') return false
  const a = Buffer.from(given, 'utf8')
  const b = Buffer.from(expected, 'utf8')
  return a.length === b.length && timingSafeEqual(a, b)
}
