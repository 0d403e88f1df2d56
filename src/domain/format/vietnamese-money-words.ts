/**
 * An amount of money in Vietnamese words, as a receipt writes it under the figure
 * ("Viết bằng chữ"): 5000 → "Năm nghìn đồng", 1_005_000 → "Một triệu không trăm linh năm nghìn đồng".
 */
const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín']
const GROUPS = ['', 'nghìn', 'triệu', 'tỷ', 'nghìn tỷ', 'triệu tỷ']

/** Three digits; `full` when a higher group was read, so "không trăm linh …" is said. */
function readGroup(n: number, full: boolean): string[] {
  const hundreds = Math.floor(n / 100)
  const tens = Math.floor((n % 100) / 10)
  const units = n % 10
  const words: string[] = []
  if (full || hundreds > 0) words.push(DIGITS[hundreds]!, 'trăm')
  if (tens === 0) {
    if (units > 0 && words.length > 0) words.push('linh')
  } else if (tens === 1) words.push('mười')
  else words.push(DIGITS[tens]!, 'mươi')
  if (units > 0) {
    if (units === 1 && tens >= 2) words.push('mốt')
    else if (units === 5 && tens >= 1) words.push('lăm')
    else words.push(DIGITS[units]!)
  }
  return words
}

export function moneyInWords(vnd: number): string {
  if (!Number.isSafeInteger(vnd) || vnd < 0) throw new RangeError(`not an amount of đồng: ${vnd}`)
  if (vnd === 0) return 'Không đồng'
  const groups: number[] = []
  for (let rest = vnd; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000)
  const words: string[] = []
  for (let i = groups.length - 1; i >= 0; i -= 1) {
    const group = groups[i]!
    if (group === 0) continue
    words.push(...readGroup(group, words.length > 0))
    if (GROUPS[i]) words.push(GROUPS[i]!)
  }
  const text = `${words.join(' ')} đồng`
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1)
}
