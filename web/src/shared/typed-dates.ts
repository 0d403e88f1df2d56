import dayjs, { type Dayjs } from 'dayjs'
import customParseFormat from 'dayjs/plugin/customParseFormat.js'

dayjs.extend(customParseFormat)

/**
 * Dates typed at the counter as well as picked: the first format is how a date is shown
 * (15/09/2022), the others are what an officer may type — 15/9/2022, 15-9-2022, 15.9.2022,
 * 15092022 — read day first, as Vietnamese write dates. antd's DatePicker takes the list as its
 * `format` and parses typing with each in turn.
 */
export const TYPED_DATE_FORMATS = [
  'DD/MM/YYYY', 'D/M/YYYY', 'DD/M/YYYY', 'D/MM/YYYY',
  'DD-MM-YYYY', 'D-M-YYYY', 'DD.MM.YYYY', 'D.M.YYYY',
  'DDMMYYYY', 'YYYY-MM-DD',
] as const

/** What a typed date means, or null when it is not a real date in one of those forms (31/2/2023). */
export function parseTypedDate(text: string): Dayjs | null {
  const trimmed = text.trim()
  for (const format of TYPED_DATE_FORMATS) {
    const date = dayjs(trimmed, format, true)
    if (date.isValid()) return date
  }
  return null
}

/** The props that make an antd DatePicker accept typing: `<DatePicker {...typedDateProps} />`. */
export const typedDateProps = { format: [...TYPED_DATE_FORMATS], placeholder: 'dd/mm/yyyy' }
