import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons'
import { Button, Card, DatePicker, Result, Select, Skeleton, Space } from 'antd'
import dayjs from 'dayjs'
import { useEffect, useState } from 'react'
import { TRACKING_BOOK_KIND_LABELS, TRACKING_BOOK_KINDS } from '../../../src/domain/dossiers/tracking-book.js'
import type { Me } from '../shared/api.js'
import { hasChoice, UnitPicker, useVisibleUnits } from '../shared/UnitPicker.js'
import { useApiData } from '../shared/use-api-data.js'
import { deskApi } from './desk-api.js'
import { deskWorkApi, type BookQuery } from './desk-work-api.js'
import { readBookQuery } from './tracking-book-view.js'
import { TrackingBookTable } from './TrackingBookTable.js'
import './tracking-book.css'
import { DeskPageHeader } from './DeskPageHeader.js'

const DATE_FORMAT = 'DD/MM/YYYY'

/** Sổ theo dõi hồ sơ: the dossiers received, handed over, returned or late in a period, by procedure; printable and exportable. */
export default function TrackingBookPage({ me }: { me: Me }) {
  const [query, setQuery] = useState<BookQuery>(() => readBookQuery(window.location.search, me.unit_code))
  const units = useVisibleUnits()
  const procedures = useApiData((signal) => deskApi.procedures('', signal), [])
  const { data: book, error, loading } = useApiData((signal) => deskWorkApi.trackingBook(query, signal), [query])

  useEffect(() => {
    window.history.replaceState(null, '', deskWorkApi.trackingBookPrintPath(query).replace('/in?', '?'))
  }, [query])

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <DeskPageHeader title="Sổ theo dõi hồ sơ" />
      <Card size="small">
        <Space wrap align="end">
          {hasChoice(units) && (
            <div>
              <label htmlFor="book-unit" style={{ display: 'block', marginBottom: 4, fontWeight: 500 }}>
                Đơn vị
              </label>
              <UnitPicker id="book-unit" units={units} value={query.unit} expanded={me.unit_code} onChange={(unit) => setQuery((q) => ({ ...q, unit }))} />
            </div>
          )}
          <div>
            <label htmlFor="book-from" style={{ display: 'block', marginBottom: 4, fontWeight: 500 }}>
              Từ ngày — đến ngày
            </label>
            <DatePicker.RangePicker
              id={{ start: 'book-from', end: 'book-to' }}
              format={DATE_FORMAT}
              allowClear={false}
              value={[dayjs(query.from), dayjs(query.to)]}
              onChange={(values) => {
                if (values?.[0] && values[1]) setQuery((q) => ({ ...q, from: values[0]!.format('YYYY-MM-DD'), to: values[1]!.format('YYYY-MM-DD') }))
              }}
            />
          </div>
          <div>
            <label htmlFor="book-kind" style={{ display: 'block', marginBottom: 4, fontWeight: 500 }}>
              Loại sổ
            </label>
            <Select
              id="book-kind"
              style={{ width: 300 }}
              value={query.kind}
              options={TRACKING_BOOK_KINDS.map((k) => ({ value: k, label: TRACKING_BOOK_KIND_LABELS[k] }))}
              onChange={(kind: string) => setQuery((q) => ({ ...q, kind }))}
            />
          </div>
          <div>
            <label htmlFor="book-procedure" style={{ display: 'block', marginBottom: 4, fontWeight: 500 }}>
              Thủ tục
            </label>
            <Select
              id="book-procedure"
              style={{ width: 360 }}
              allowClear
              showSearch
              placeholder="Tất cả thủ tục"
              optionFilterProp="label"
              loading={procedures.loading}
              value={query.procedure}
              options={(procedures.data ?? []).map((p) => ({ value: p.code, label: `${p.code} — ${p.name}` }))}
              onChange={(procedure: string | undefined) =>
                setQuery((q) => {
                  const { procedure: _old, ...rest } = q
                  return procedure ? { ...rest, procedure } : rest
                })
              }
            />
          </div>
          <Button icon={<PrinterOutlined />} href={deskWorkApi.trackingBookPrintPath(query)} target="_blank" rel="noopener" data-testid="book-print">
            Bản in (A4 ngang)
          </Button>
          <Button icon={<FileExcelOutlined />} href={deskWorkApi.trackingBookXlsxUrl(query)} data-testid="book-xlsx">
            Tải XLSX
          </Button>
        </Space>
      </Card>
      <Card size="small" title={book ? `${book.kind_label} — ${book.period_label} — ${book.rows.length.toLocaleString('vi-VN')} hồ sơ` : 'Sổ theo dõi hồ sơ'}>
        {error ? (
          <Result status="warning" title="Không tải được sổ theo dõi" subTitle={error.message} />
        ) : !book || loading ? (
          <Skeleton active />
        ) : (
          <div style={{ overflowX: 'auto' }}>
            <TrackingBookTable book={book} />
          </div>
        )}
      </Card>
    </Space>
  )
}
