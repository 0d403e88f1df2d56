/**
 * A list as a Vietnamese sentence reads it: "An Thanh", "An Thanh và Dân Chủ",
 * "An Thanh, Dân Chủ và Đại Hợp". Empty items are left out; no items make an empty string.
 */
export function joinVietnamese(items: readonly string[], conjunction = 'và'): string {
  const kept = items.filter((item) => item.trim() !== '')
  if (kept.length <= 1) return kept[0] ?? ''
  return `${kept.slice(0, -1).join(', ')} ${conjunction} ${kept[kept.length - 1]}`
}
