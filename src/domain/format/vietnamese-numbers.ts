/** "không phát sinh": nothing to measure, which is not 0 %. */
export const NO_VALUE_LABEL = 'không phát sinh'

const percentFormat = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 0, maximumFractionDigits: 2 })
const countFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 })

/** 58.59 → "58,59%", 100 → "100%", null → "không phát sinh". */
export function formatPercent(value: number | null): string {
  return value === null ? NO_VALUE_LABEL : `${percentFormat.format(value)}%`
}

/** 12345 → "12.345". */
export function formatCount(value: number): string {
  return countFormat.format(value)
}
