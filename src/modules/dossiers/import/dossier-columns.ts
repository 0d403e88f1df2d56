import type { DossierFlagColumn } from '../../../domain/dossiers/dossier-flags.js'
import type { ColumnSpec } from '../../import/columns.js'

export type DossierColumn =
  | 'code' | 'unit_code' | 'procedure_code' | 'channel' | 'received_at' | 'due_at' | 'finished_at' | 'returned_at' | 'status'
  | 'components_total' | 'components_digitized' | 'result_digitized' | 'fee_vnd' | 'paid_online' | 'ecert_copies' | 'rating'
  | DossierFlagColumn

/** An import-only column (Decree 118/2025): the unit deciding the dossier when another than the receiver. */
export type DecidingUnitColumn = 'deciding_unit_code'

/**
 * dossiers.csv of INTERCHANGE.md, in its order (export writes them so), then the optional
 * Decision 766 columns of docs/INTERCHANGE-EXTENSIONS.md: empty = not known.
 */
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
  { name: 'synced_national', required: false, vietnamese: 'Đã đồng bộ Cổng DVC quốc gia' },
  { name: 'reused_data', required: false, vietnamese: 'Tái sử dụng dữ liệu số hóa' },
  { name: 'linked_data_store', required: false, vietnamese: 'Gắn kho dữ liệu cá nhân' },
  { name: 'population_data_used', required: false, vietnamese: 'Khai thác dữ liệu dân cư, VNeID' },
  { name: 'result_on_paper', required: false, vietnamese: 'Kết quả là bản giấy' },
  { name: 'e_result_issued', required: false, vietnamese: 'Đã cấp kết quả điện tử' },
]

/** What an import reads: the columns above and the deciding unit (empty or absent: the receiving unit). */
export const DOSSIER_IMPORT_COLUMNS: readonly ColumnSpec<DossierColumn | DecidingUnitColumn>[] = [
  ...DOSSIER_COLUMNS,
  { name: 'deciding_unit_code', required: false, vietnamese: 'Mã đơn vị giải quyết' },
]
