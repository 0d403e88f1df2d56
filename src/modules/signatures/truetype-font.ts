/**
 * Just enough of a TrueType file to write Vietnamese with it in a PDF: the glyph of each
 * character (cmap 3/1 format 4, or 3/10 format 12), advance widths (hmtx), the font's box and
 * metrics. pdf-lib embeds custom fonts only through fontkit, which this project does not carry.
 */
export interface TrueTypeFont {
  bytes: Uint8Array
  unitsPerEm: number
  ascent: number
  descent: number
  bbox: [number, number, number, number]
  glyphOf(codePoint: number): number
  advanceOf(glyph: number): number
}

export function readTrueType(bytes: Uint8Array): TrueTypeFont {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const tables = new Map<string, number>()
  const count = view.getUint16(4)
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16
    tables.set(String.fromCharCode(...bytes.subarray(at, at + 4)), view.getUint32(at + 8))
  }
  const table = (tag: string) => {
    const offset = tables.get(tag)
    if (offset === undefined) throw new Error(`font has no ${tag} table`)
    return offset
  }
  const head = table('head')
  const unitsPerEm = view.getUint16(head + 18)
  const bbox: [number, number, number, number] = [view.getInt16(head + 36), view.getInt16(head + 38), view.getInt16(head + 40), view.getInt16(head + 42)]
  const hhea = table('hhea')
  const ascent = view.getInt16(hhea + 4)
  const descent = view.getInt16(hhea + 6)
  const metrics = view.getUint16(hhea + 34)
  const hmtx = table('hmtx')
  const glyphOf = cmapLookup(view, table('cmap'))
  return {
    bytes, unitsPerEm, ascent, descent, bbox, glyphOf,
    advanceOf: (glyph) => view.getUint16(hmtx + 4 * Math.min(glyph, metrics - 1)),
  }
}

function cmapLookup(view: DataView, cmap: number): (codePoint: number) => number {
  const subtables = view.getUint16(cmap + 2)
  let format4: number | null = null
  let format12: number | null = null
  for (let i = 0; i < subtables; i++) {
    const platform = view.getUint16(cmap + 4 + i * 8)
    const encoding = view.getUint16(cmap + 6 + i * 8)
    const offset = cmap + view.getUint32(cmap + 8 + i * 8)
    const format = view.getUint16(offset)
    if (platform === 3 && encoding === 10 && format === 12) format12 = offset
    if (platform === 3 && encoding === 1 && format === 4) format4 = offset
  }
  if (format12 !== null) {
    const at = format12
    const groups = view.getUint32(at + 12)
    return (cp) => {
      for (let g = 0; g < groups; g++) {
        const start = view.getUint32(at + 16 + g * 12)
        const end = view.getUint32(at + 20 + g * 12)
        if (cp >= start && cp <= end) return view.getUint32(at + 24 + g * 12) + (cp - start)
      }
      return 0
    }
  }
  if (format4 === null) throw new Error('font has no Unicode cmap')
  const at = format4
  const segments = view.getUint16(at + 6) / 2
  const ends = at + 14
  const starts = ends + segments * 2 + 2
  const deltas = starts + segments * 2
  const rangeOffsets = deltas + segments * 2
  return (cp) => {
    if (cp > 0xffff) return 0
    for (let s = 0; s < segments; s++) {
      if (cp > view.getUint16(ends + s * 2)) continue
      const start = view.getUint16(starts + s * 2)
      if (cp < start) return 0
      const delta = view.getInt16(deltas + s * 2)
      const rangeOffset = view.getUint16(rangeOffsets + s * 2)
      if (rangeOffset === 0) return (cp + delta) & 0xffff
      const glyph = view.getUint16(rangeOffsets + s * 2 + rangeOffset + (cp - start) * 2)
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff
    }
    return 0
  }
}
