import { Card, Input, Result, Space, Table, Typography } from 'antd'
import { useState } from 'react'
import type { Me } from '../shared/api.js'
import { hasChoice, UnitPicker, useVisibleUnits } from '../shared/UnitPicker.js'
import { useApiData } from '../shared/use-api-data.js'
import { dossierPath, followLink } from '../shell/navigation.js'
import { deskWorkApi, SCAN_SEARCH_PATH, type FileTextHit } from './desk-work-api.js'
import { DeskPageHeader } from './DeskPageHeader.js'

/**
 * "Tìm trong bản quét": the words read (OCR) from the scanned components of the unit's dossiers,
 * typed with or without diacritics; each hit opens its dossier. A directive's scan is searched
 * with the directives.
 */
export default function ScanSearchPage({ me }: { me: Me }) {
  const params = new URLSearchParams(window.location.search)
  const [query, setQuery] = useState({ unit: params.get('unit') || me.unit_code, q: params.get('q') ?? '' })
  const units = useVisibleUnits()
  const { data, error, loading } = useApiData(
    (signal) => (query.q.trim() === '' ? Promise.resolve(null) : deskWorkApi.searchScans({ unit: query.unit, q: query.q.trim() }, signal)),
    [query],
  )
  const ask = (next: { unit: string; q: string }) => {
    setQuery(next)
    window.history.replaceState(null, '', `${SCAN_SEARCH_PATH}?${new URLSearchParams(next).toString()}`)
  }

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <DeskPageHeader title="Tìm trong bản quét thành phần hồ sơ" />
      <Card size="small">
        <Space wrap align="end">
          {hasChoice(units) && <UnitPicker id="scan-search-unit" units={units} value={query.unit} expanded={me.unit_code} onChange={(unit) => ask({ ...query, unit })} />}
          <Input.Search
            id="scan-search"
            aria-label="Tìm trong bản quét"
            placeholder="Cụm từ trong bản quét (gõ không dấu được)"
            allowClear
            enterButton="Tìm"
            maxLength={200}
            defaultValue={query.q}
            onSearch={(q) => ask({ ...query, q: q.trim() })}
            style={{ width: 480, maxWidth: '100%' }}
          />
        </Space>
      </Card>
      {error ? (
        <Result status="warning" title="Không tìm được" subTitle={error.message} />
      ) : data === null && !loading ? (
        <Typography.Paragraph type="secondary">Gõ một cụm từ có trong bản quét: tên người, địa danh, số giấy tờ…</Typography.Paragraph>
      ) : (
        <Table<FileTextHit>
          rowKey={(hit) => `${hit.dossier_code}-${hit.position}-${hit.file_name}`}
          size="middle"
          loading={loading}
          dataSource={data ?? []}
          pagination={false}
          locale={{ emptyText: 'Không có bản quét nào chứa cụm từ này' }}
          columns={[
            {
              title: 'Hồ sơ',
              key: 'dossier',
              render: (_, hit) =>
                hit.dossier_code ? (
                  <a href={dossierPath(hit.dossier_code)} onClick={(e) => followLink(e, dossierPath(hit.dossier_code!))}>
                    {hit.dossier_code}
                  </a>
                ) : null,
            },
            { title: 'Thành phần', key: 'component', render: (_, hit) => (hit.position ? `${hit.position}. ${hit.component_name ?? ''}` : hit.component_name) },
            { title: 'Tệp', dataIndex: 'file_name' },
            { title: 'Đơn vị', dataIndex: 'unit_code' },
            { title: 'Đoạn có cụm từ', dataIndex: 'snippet', render: (snippet: string) => <Typography.Text>…{snippet}…</Typography.Text> },
          ]}
        />
      )}
    </Space>
  )
}
