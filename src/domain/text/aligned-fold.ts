/**
 * Folds Vietnamese text one character for one as foldVietnamese does (tone marks and accents
 * stripped, đ → d, lower case) and every blank or punctuation mark a space, so a match found in the folded text is at the same place in the
 * original: the snippet a search shows keeps its diacritics. Characters that would not fold to
 * exactly one are kept as they are.
 */
export function foldAligned(text: string): { original: string[]; folded: string[] } {
  const original = Array.from(text.normalize('NFC'))
  const folded = original.map((ch) => {
    if (!/[\p{L}\p{N}]/u.test(ch)) return ' '
    if (ch === 'đ' || ch === 'Đ') return 'd'
    const base = ch.normalize('NFD').replace(/\p{M}+/gu, '')
    const lower = (base.length > 0 ? base : ch).toLowerCase()
    return Array.from(lower).length === 1 ? lower : ch
  })
  return { original, folded }
}

/** The folded form stored beside a text and compared with a folded query: words split by single spaces. */
export function foldForSearch(text: string): string {
  return foldAligned(text).folded.join('').replace(/ +/g, ' ').trim()
}

/**
 * Where the words of a query first appear in the text as a phrase (any blanks between
 * them), and a snippet of the original around it; null when they do not.
 */
export function findPhrase(text: string, query: string, context = 60): string | null {
  const words = foldForSearch(query).split(' ').filter((w) => w.length > 0)
  if (words.length === 0) return null
  const { original, folded } = foldAligned(text)
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  const match = new RegExp(escaped.join(' +'), 'u').exec(folded.join(''))
  if (!match) return null
  // Positions in the joined string are code units; folded characters are single code points, so count them.
  const start = Array.from(folded.join('').slice(0, match.index)).length
  const length = Array.from(match[0]).length
  // The snippet is cut at blanks, never inside a word.
  let from = Math.max(0, start - context)
  while (from > 0 && from < start && !/\s/u.test(original[from - 1]!)) from++
  let to = Math.min(original.length, start + length + context)
  while (to < original.length && to > start + length && !/\s/u.test(original[to]!)) to--
  return `${from > 0 ? '…' : ''}${original.slice(from, to).join('').replace(/\s+/gu, ' ').trim()}${to < original.length ? '…' : ''}`
}
