import { DownloadOutlined } from '@ant-design/icons'
import { Space, Typography } from 'antd'
import { periodicReportKind } from '../../../src/domain/reports/report-kinds.js'

const REPORTS = [
  { kind: 'appendix', label: 'Phụ lục chi tiết (XLSX)' },
  { kind: 'weekly', label: 'Tổng hợp tuần (DOCX)' },
  { kind: 'monthly', label: 'Báo cáo tháng (DOCX)' },
  { kind: 'letter', label: 'Dự thảo công văn (DOCX)' },
] as const

/**
 * The documents the district office writes from these figures, for the unit and period shown:
 * the weekly summary only for a week, the monthly report only for a month (the rule the API
 * applies), so five days are never offered as a "monthly report".
 */
export function ReportDownloads({ unit, from, to, canRecordLetter = false }: { unit: string; from: string; to: string; canRecordLetter?: boolean }) {
  const query = new URLSearchParams({ unit, from, to }).toString()
  const periodic = periodicReportKind({ from, to })
  const offered = REPORTS.filter((report) => (report.kind !== 'weekly' && report.kind !== 'monthly') || report.kind === periodic)
  return (
    <Space wrap size="middle" data-testid="report-downloads">
      <Typography.Text type="secondary">Tải về:</Typography.Text>
      {offered.map((report) => (
        <Typography.Link key={report.kind} href={`/api/v1/reports/${report.kind}?${query}`} download>
          <DownloadOutlined /> {report.label}
        </Typography.Link>
      ))}
      {canRecordLetter && (
        // Once the letter has its number: record it with the tasks it orders (Chỉ đạo, điều hành).
        <Typography.Link href={`/chi-dao?${new URLSearchParams({ unit, 'ghi-cong-van': '1', from, to }).toString()}`}>Ghi công văn đã cấp số và nhiệm vụ giao</Typography.Link>
      )}
    </Space>
  )
}
