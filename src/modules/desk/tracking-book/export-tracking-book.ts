import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema.js'
import { writeAudit } from '../../audit/write-audit.js'
import { readTrackingBook, type TrackingBookRequest } from './read-tracking-book.js'
import { trackingBookWorkbook } from './tracking-book-workbook.js'

/** The book as an XLSX file; the export (names and contacts leave motcua) is audited. */
export async function exportTrackingBook(db: Kysely<Database>, request: TrackingBookRequest, who: { actor: string; ip: string }) {
  const book = await readTrackingBook(db, request)
  const xlsx = await trackingBookWorkbook(book)
  await db.transaction().execute((trx) =>
    writeAudit(trx, {
      actor: who.actor,
      ip: who.ip,
      action: 'export.tracking_book',
      entity: 'unit',
      entityId: book.unit.code,
      summary: { from: book.from, to: book.to, kind: book.kind, procedure: book.procedure?.code ?? null, rows: book.rows.length, personal_data: request.personalData },
    }),
  )
  return { book, xlsx, filename: `so-theo-doi-ho-so-${book.unit.code}-${book.from}-${book.to}.xlsx` }
}
