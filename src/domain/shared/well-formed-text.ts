/**
 * Text JavaScript can hold but a UTF-8 database cannot: a lone UTF-16 surrogate (from a JSON
 * `\ud800` escape or an XML character reference) is replaced with U+FFFD when encoded, so what
 * was checked or hashed is not what gets stored. With the `u` flag a surrogate pair is one code
 * point, so only a lone surrogate matches.
 */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u

export function isWellFormedText(text: string): boolean {
  return !LONE_SURROGATE.test(text)
}

/** The first string inside a value (an object, array or string) that is not well formed, with its path. */
export function findIllFormedText(value: unknown, path = ''): { path: string } | null {
  if (typeof value === 'string') return isWellFormedText(value) ? null : { path }
  if (value === null || typeof value !== 'object') return null
  const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value)
  for (const [key, item] of entries) {
    if (!isWellFormedText(key)) return { path: path ? `${path}.${key}` : key }
    const found = findIllFormedText(item, path ? `${path}.${key}` : key)
    if (found) return found
  }
  return null
}

/** The text with each lone surrogate replaced by U+FFFD, as a UTF-8 encoder would store it (for messages). */
export function toWellFormedText(text: string): string {
  return text.replace(/[\uD800-\uDFFF]/gu, '\uFFFD')
}
