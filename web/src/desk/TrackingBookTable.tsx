import { TRACKING_BOOK_COLUMNS } from '../../../src/domain/dossiers/tracking-book.js'
import type { TrackingBook } from './desk-work-api.js'

/** The book's table, the same on screen and on paper: the heading row repeats on every printed page. */
export function TrackingBookTable({ book }: { book: TrackingBook }) {
  return (
    <table className="tracking-book-table" data-testid="tracking-book-table">
      <thead>
        <tr>
          {TRACKING_BOOK_COLUMNS.map((c) => (
            <th key={c.key} style={{ width: `${c.width}ch` }}>
              {c.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {book.rows.length === 0 && (
          <tr>
            <td colSpan={TRACKING_BOOK_COLUMNS.length} style={{ textAlign: 'center' }}>
              Không có hồ sơ nào trong kỳ
            </td>
          </tr>
        )}
        {book.rows.map((r) => (
          <tr key={r.code} data-book-row={r.code}>
            {TRACKING_BOOK_COLUMNS.map((c) => (
              <td key={c.key} className={c.key === 'note' && r.late ? 'status-overdue' : undefined}>
                {r[c.key]}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
