import { Alert, Table } from 'antd'
import type { z } from 'zod'
import type { StuckDossier as StuckDossierSchema } from '../../../src/contracts/desk.js'
import type { Json } from '../../../src/contracts/json.js'
import { request } from '../shared/api.js'
import { formatDateTime } from '../shared/format.js'
import { useApiData } from '../shared/use-api-data.js'
import { dossierPath, followLink } from '../shell/navigation.js'

type StuckDossier = Json<z.infer<typeof StuckDossierSchema>>

/**
 * "Never silent": the unit's dossiers with no step for three working days, and who holds each —
 * on the desk and on the dashboard, before the applicant has to ask. Nothing shows when none is
 * stuck or the reader may not see dossiers.
 */
export function StuckDossiers({ unit }: { unit: string }) {
  const { data } = useApiData((signal) => request<StuckDossier[]>('GET', '/api/v1/dossiers-stuck', { query: { unit }, signal }), [unit])
  if (!data || data.length === 0) return null
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="stuck-dossiers"
      message={`${data.length.toLocaleString('vi-VN')} hồ sơ không có bước xử lý nào trong 3 ngày làm việc trở lên`}
      description={
        <Table<StuckDossier>
          rowKey="code"
          size="small"
          pagination={data.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          dataSource={data}
          scroll={{ x: 700 }}
          columns={[
            { title: 'Mã hồ sơ', dataIndex: 'code', key: 'code', render: (code: string) => <a href={dossierPath(code)} onClick={(e) => followLink(e, dossierPath(code))}>{code}</a> },
            { title: 'Thủ tục', dataIndex: 'procedure_name', key: 'procedure', ellipsis: true },
            { title: 'Trạng thái', dataIndex: 'status_label', key: 'status' },
            { title: 'Bước cuối', key: 'last', render: (_: unknown, d: StuckDossier) => formatDateTime(d.last_step_at) },
            { title: 'Người đang giữ', dataIndex: 'holder', key: 'holder', render: (holder: string) => holder.replace(/^user:/, '') },
            { title: 'Số ngày im lặng', dataIndex: 'working_days_silent', key: 'days' },
          ]}
        />
      }
    />
  )
}
