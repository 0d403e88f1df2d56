import type { ColumnSpec } from '../../import/columns.js'

export type DossierColumn =
  | 'code' | 'unit_code' | 'procedure_code' | 'channel' | 'received_at' | 'due_at' | 'finished_at' | 'returned_at' | 'status'
  | 'components_total' | 'components_digitized' | 'result_digitized' | 'fee_vnd' | 'paid_online' | 'ecert_copies' | 'rating'

/** dossiers.csv of INTERCHANGE.md, in its order (export writes them so). */
export const DOSSIER_COLUMNS: readonly ColumnSpec<DossierColumn>[] = [
  { name: 'code', required: true, vietnamese: 'Mã hồ sơ' },
  { name: 'unit_code', required: true, vietnamese: 'Mã đơn vị tiếp nhận' },
  { name: 'procedure_code', required: true, vietnamese: 'Mã TTHC' },
  { name: 'channel', required: true, vietnamese: 'Hình thức nộp' },
  { name: 'received_at', required: true, vietnamese: 'Ngày tiếp nhận' },
  { name: 'due_at', required: false, vietnamese: 'Ngày hẹn trả' },
  { name: 'finished_at', required: false, vietnamese: 'Ngày có kết quả' },
  { name: 'returned_at', required: false, vietnamese: 'Ngày trả kết quả' },
  { name: 'status', required: true, vietnamese: 'Trạng thái' },
  { name: 'components_total', required: true, vietnamese: 'Số thành phần hồ sơ' },
  { name: 'components_digitized', required: true, vietnamese: 'Số thành phần đã số hóa' },
  { name: 'result_digitized', required: false, vietnamese: 'Kết quả đã số hóa' },
  { name: 'fee_vnd', required: false, vietnamese: 'Phí lệ phí (đồng)' },
  { name: 'paid_online', required: false, vietnamese: 'Thanh toán trực tuyến' },
  { name: 'ecert_copies', required: false, vietnamese: 'Số bản sao chứng thực điện tử' },
  { name: 'rating', required: false, vietnamese: 'Mức độ hài lòng' },
]
