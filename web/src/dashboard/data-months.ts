/** '2022-09' → "9/2022", as Vietnamese write a month. */
export function monthLabel(month: string): string {
  const [year, m] = month.split('-')
  return `${Number(m)}/${year}`
}

/**
 * The months that have data, as the reader takes them in: runs of consecutive months as one
 * range ("1/2022–6/2022, 9/2022"). Months come sorted, 'YYYY-MM'.
 */
export function describeMonths(months: readonly string[]): string {
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1
  const runs: [string, string][] = []
  for (const month of months) {
    const last = runs.at(-1)
    if (last && index(month) === index(last[1]) + 1) last[1] = month
    else runs.push([month, month])
  }
  return runs.map(([from, to]) => (from === to ? monthLabel(from) : `${monthLabel(from)}–${monthLabel(to)}`)).join(', ')
}
