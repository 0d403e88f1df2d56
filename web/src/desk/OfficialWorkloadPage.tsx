import { FileExcelOutlined } from '@ant-design/icons'
import { Button, Card, DatePicker, Result, Space, Table } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { WORKLOAD_COUNTS } from '../../../src/domain/accounts/official-workload.js'
import type { Me } from '../shared/api.js'
import { hasChoice, UnitPicker, useVisibleUnits } from '../shared/UnitPicker.js'
import { useApiData } from '../shared/use-api-data.js'
import { deskWorkApi, type OfficialWorkload } from './desk-work-api.js'
import { DeskPageHeader } from './DeskPageHeader.js'

type Row = OfficialWorkload['rows'][number]

/** Per official of the unit, what they did in the period: the figures the home affairs office grades officials by. */
export default function OfficialWorkloadPage({ me }: { me: Me }) {
  const params = new URLSearchParams(window.location.search)
  const [query, setQuery] = useState({
    unit: params.get('unit') || me.unit_code,
    from: dayjs().startOf('month').format('YYYY-MM-DD'),
    to: dayjs().format('YYYY-MM-DD'),
  })
  const units = useVisibleUnits()
  const { data, error, loading } = useApiData((signal) => deskWorkApi.workload(query, signal), [query])

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <DeskPageHeader title="Kết quả giải quyết hồ sơ theo cán bộ, công chức" />
      <Card size="small">
        <Space wrap align="end">
          {hasChoice(units) && <UnitPicker id="workload-unit" units={units} value={query.unit} expanded={me.unit_code} onChange={(unit) => setQuery((q) => ({ ...q, unit }))} />}
          <DatePicker.RangePicker
            id={{ start: 'workload-from', end: 'workload-to' }}
            format="DD/MM/YYYY"
            allowClear={false}
            value={[dayjs(query.from), dayjs(query.to)]}
            onChange={(values) => {
              if (values?.[0] && values[1]) setQuery((q) => ({ ...q, from: values[0]!.format('YYYY-MM-DD'), to: values[1]!.format('YYYY-MM-DD') }))
            }}
          />
          <Button icon={<FileExcelOutlined />} href={deskWorkApi.workloadXlsxUrl(query)}>
            Tải XLSX
          </Button>
        </Space>
      </Card>
      {error ? (
        <Result status="warning" title="Không tải được kết quả theo cán bộ" subTitle={error.message} />
      ) : (
        <Table<Row>
          rowKey="username"
          size="middle"
          loading={loading}
          dataSource={data?.rows ?? []}
          pagination={false}
          scroll={{ x: 1000 }}
          onRow={(r) => ({ 'data-official': r.username }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: 'STT', dataIndex: 'position', width: 56 },
            { title: 'Họ và tên', dataIndex: 'display_name' },
            { title: 'Tài khoản', dataIndex: 'username' },
            { title: 'Vai trò', dataIndex: 'role_label' },
            { title: 'Đơn vị', dataIndex: 'unit_name' },
            ...WORKLOAD_COUNTS.map((c) => ({ title: <span title={c.means}>{c.title}</span>, dataIndex: c.key, key: c.key, align: 'right' as const })),
          ]}
        />
      )}
    </Space>
  )
}
