import { DownloadOutlined } from '@ant-design/icons'
import { Space, Typography } from 'antd'

const REPORTS = [
  { kind: 'appendix', label: 'Phụ lục chi tiết (XLSX)' },
  { kind: 'weekly', label: 'Tổng hợp tuần (DOCX)' },
  { kind: 'monthly', label: 'Báo cáo tháng (DOCX)' },
  { kind: 'letter', label: 'Dự thảo công văn (DOCX)' },
] as const

/** The documents the district office writes from these figures, for the unit and period shown. */
export function ReportDownloads({ unit, from, to }: { unit: string; from: string; to: string }) {
  const query = new URLSearchParams({ unit, from, to }).toString()
  return (
    <Space wrap size="middle" data-testid="report-downloads">
      <Typography.Text type="secondary">Tải về:</Typography.Text>
      {REPORTS.map((report) => (
        <Typography.Link key={report.kind} href={`/api/v1/reports/${report.kind}?${query}`} download>
          <DownloadOutlined /> {report.label}
        </Typography.Link>
      ))}
    </Space>
  )
}
