import dayjs from 'dayjs'
import { TRACKING_BOOK_KINDS, type TrackingBookKind } from '../../../src/domain/dossiers/tracking-book.js'
import type { BookQuery } from './desk-work-api.js'

/** The book's question as the address holds it (bookmarks, the print page): unit, period, kind, procedure. */
export function readBookQuery(search: string, defaultUnit: string): BookQuery {
  const params = new URLSearchParams(search)
  const day = (name: string, fallback: string) => {
    const value = params.get(name)
    return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : fallback
  }
  const kind = params.get('kind')
  const procedure = params.get('procedure')
  return {
    unit: params.get('unit') || defaultUnit,
    // This month so far: the book an office opens most days.
    from: day('from', dayjs().startOf('month').format('YYYY-MM-DD')),
    to: day('to', dayjs().format('YYYY-MM-DD')),
    kind: kind && (TRACKING_BOOK_KINDS as readonly string[]).includes(kind) ? (kind as TrackingBookKind) : 'received',
    ...(procedure ? { procedure } : {}),
  }
}
