/**
 * People type Vietnamese without diacritics ("chung thuc", "khai sinh"): a procedure is found by
 * folding both sides to plain lower-case letters — accents and tone marks stripped (NFD), đ → d.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

export interface SearchableProcedure {
  code: string
  name: string
  field: string | null
}

/**
 * The procedures whose code, name or field contains every word of the query (folded), best
 * first: the exact code, then a code that starts with the query, then the whole query as a
 * phrase in the name, then the rest; ties by code. An empty query matches everything.
 */
export function matchProcedures<T extends SearchableProcedure>(procedures: readonly T[], query: string): T[] {
  const folded = foldVietnamese(query)
  const words = folded.split(' ').filter((w) => w.length > 0)
  const scored: { p: T; score: number }[] = []
  for (const p of procedures) {
    const code = p.code.toLowerCase()
    const name = foldVietnamese(p.name)
    const haystack = `${code} ${name} ${foldVietnamese(p.field ?? '')}`
    if (!words.every((w) => haystack.includes(w))) continue
    const score = folded === '' ? 3 : code === folded ? 0 : code.startsWith(folded) ? 1 : name.includes(folded) ? 2 : 3
    scored.push({ p, score })
  }
  return scored.sort((a, b) => a.score - b.score || (a.p.code < b.p.code ? -1 : a.p.code > b.p.code ? 1 : 0)).map((s) => s.p)
}
