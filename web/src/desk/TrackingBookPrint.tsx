import { PrinterOutlined } from '@ant-design/icons'
import { Button, Result, Skeleton } from 'antd'
import { useEffect } from 'react'
import { bookTotals } from '../../../src/domain/dossiers/tracking-book.js'
import type { Me } from '../shared/api.js'
import { useApiData } from '../shared/use-api-data.js'
import { followLink } from '../shell/navigation.js'
import { deskWorkApi } from './desk-work-api.js'
import { readBookQuery } from './tracking-book-view.js'
import { TrackingBookTable } from './TrackingBookTable.js'
import './tracking-book.css'

/** The tracking book on A4 landscape pages, for the browser's Print; the toolbar does not print. */
export default function TrackingBookPrint({ me }: { me: Me }) {
  const query = readBookQuery(window.location.search, me.unit_code)
  const { data: book, error } = useApiData((signal) => deskWorkApi.trackingBook(query, signal), [window.location.search])
  const back = deskWorkApi.trackingBookPrintPath(query).replace('/in?', '?')

  useEffect(() => {
    if (book) document.title = `Sổ theo dõi hồ sơ — ${book.unit.name} — ${book.period_label}`
  }, [book])

  if (error) return <Result status="warning" title="Không tải được sổ theo dõi" subTitle={error.message} />
  if (!book) return <Skeleton active style={{ padding: 24 }} />
  return (
    <>
      <div className="print-toolbar">
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          In sổ
        </Button>
        <a href={back} onClick={(e) => followLink(e, back)} style={{ alignSelf: 'center' }}>
          ← Về sổ theo dõi
        </a>
      </div>
      <div className="book-paper" data-testid="tracking-book-print">
        <h1>Sổ theo dõi hồ sơ</h1>
        <p className="book-unit">{book.unit.name}</p>
        <p className="book-period">
          {book.period_label} — {book.kind_label}
          {book.procedure ? ` — Thủ tục: ${book.procedure.name}` : ''}
        </p>
        <TrackingBookTable book={book} />
        <p className="book-totals" data-testid="book-totals">
          {bookTotals(book.rows)}
        </p>
      </div>
    </>
  )
}
