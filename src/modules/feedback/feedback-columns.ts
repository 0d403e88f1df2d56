import type { ColumnSpec } from '../import/columns.js'

export type FeedbackColumn =
  | 'code' | 'unit_code' | 'received_at' | 'channel' | 'summary' | 'procedure_code' | 'dossier_code' | 'classification' | 'classified_at'
  | 'rejected_at' | 'supplement_requested_at' | 'handled_at' | 'published_at' | 'reaction' | 'repeated'

/** feedback.csv (phản ánh, kiến nghị), docs/INTERCHANGE-EXTENSIONS.md; the export order. */
export const FEEDBACK_COLUMNS: readonly ColumnSpec<FeedbackColumn>[] = [
  { name: 'code', required: true, vietnamese: 'Mã phản ánh' },
  { name: 'unit_code', required: true, vietnamese: 'Mã đơn vị tiếp nhận' },
  { name: 'received_at', required: true, vietnamese: 'Ngày tiếp nhận' },
  { name: 'channel', required: true, vietnamese: 'Hình thức tiếp nhận' },
  { name: 'summary', required: true, vietnamese: 'Nội dung tóm tắt' },
  { name: 'procedure_code', required: false, vietnamese: 'Mã TTHC' },
  { name: 'dossier_code', required: false, vietnamese: 'Mã hồ sơ' },
  { name: 'classification', required: false, vietnamese: 'Phân loại' },
  { name: 'classified_at', required: false, vietnamese: 'Ngày phân loại' },
  { name: 'rejected_at', required: false, vietnamese: 'Ngày từ chối' },
  { name: 'supplement_requested_at', required: false, vietnamese: 'Ngày yêu cầu bổ sung' },
  { name: 'handled_at', required: false, vietnamese: 'Ngày xử lý xong' },
  { name: 'published_at', required: false, vietnamese: 'Ngày công khai kết quả' },
  { name: 'reaction', required: false, vietnamese: 'Ý kiến người phản ánh' },
  { name: 'repeated', required: false, vietnamese: 'Phản ánh lặp lại' },
]
