/** A file's size as vi-VN writes it: "850 byte", "12,5 KB", "1,2 MB" (decimal comma, one decimal). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte`
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / (1024 * 1024), 'MB']
  return `${(Math.round(value * 10) / 10).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} ${unit}`
}
