/** The kind words a commune-level name starts with; letters list communes without them. */
const COMMUNE_PREFIXES = ['Thị trấn ', 'Phường ', 'Xã ', 'Đặc khu '] as const

/** The kind words a district- or province-level name starts with. */
const PLACE_PREFIXES = ['Thành phố ', 'Thị xã ', 'Huyện ', 'Quận ', 'Tỉnh '] as const

function withoutPrefix(name: string, prefixes: readonly string[]): string {
  const trimmed = name.trim()
  const prefix = prefixes.find((p) => trimmed.toLocaleLowerCase('vi').startsWith(p.toLocaleLowerCase('vi')))
  return prefix ? trimmed.slice(prefix.length).trim() : trimmed
}

/**
 * A commune as a letter names it in a list: "Xã An Thanh" → "An Thanh". The kind word stays
 * when dropping it would make the name read as another place — "Thị trấn Tứ Kỳ" in a letter
 * of Huyện Tứ Kỳ stays "Thị trấn Tứ Kỳ", or it would read as the whole district.
 */
export function shortUnitName(name: string, ambiguousWith: readonly string[] = []): string {
  const short = withoutPrefix(name, COMMUNE_PREFIXES)
  return ambiguousWith.includes(short) ? name.trim() : short
}

/** The place name of a district or province, as in "Tứ Kỳ, ngày 15 tháng 9 năm 2022". */
export function placeName(unitName: string): string {
  return withoutPrefix(unitName, PLACE_PREFIXES)
}

/**
 * A unit's name inside a sentence: the kind word is a common noun there, "Huyện Tứ Kỳ" →
 * "huyện Tứ Kỳ" ("Ủy ban nhân dân huyện Tứ Kỳ báo cáo …"); other names are left as they are.
 */
export function nameInSentence(name: string): string {
  const trimmed = name.trim()
  const isKindWord = [...COMMUNE_PREFIXES, ...PLACE_PREFIXES].some((p) => trimmed.startsWith(p))
  return isKindWord ? trimmed.charAt(0).toLocaleLowerCase('vi') + trimmed.slice(1) : trimmed
}
