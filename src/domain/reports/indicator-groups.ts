import type { IndicatorId } from '../indicators/indicator-id.js'
import { CHANNEL_LABELS } from '../dossiers/dossier-status.js'

/**
 * The indicators grouped as Decision 766/QĐ-TTg groups the reform index (progress, online
 * services and payment, digitization, satisfaction): one appendix sheet per group, in this order.
 */
export interface IndicatorGroup {
  /** A worksheet name: at most 31 characters, none of : \ / ? * [ ]. */
  sheet: string
  title: string
  indicators: readonly IndicatorId[]
}

export const INDICATOR_GROUPS: readonly IndicatorGroup[] = [
  { sheet: 'Tiến độ giải quyết', title: 'Tiếp nhận và tiến độ giải quyết hồ sơ', indicators: ['received', 'on_time_rate', 'late', 'overdue_open'] },
  { sheet: CHANNEL_LABELS.online, title: 'Dịch vụ công trực tuyến và thanh toán trực tuyến', indicators: ['online_rate', 'online_payment_rate'] },
  { sheet: 'Số hóa', title: 'Số hóa hồ sơ, kết quả giải quyết và chứng thực bản sao điện tử', indicators: ['dossier_digitization_rate', 'result_digitization_rate', 'ecert_copies', 'ecert_units', 'ecert_units_to_date'] },
  { sheet: 'Hài lòng', title: 'Mức độ hài lòng', indicators: ['satisfaction_rate'] },
]

/** Column headings short enough for a table on one landscape page. */
export const SHORT_LABELS: Record<IndicatorId, string> = {
  received: 'Tiếp nhận',
  online_rate: CHANNEL_LABELS.online,
  dossier_digitization_rate: 'Số hóa hồ sơ',
  result_digitization_rate: 'Số hóa kết quả',
  on_time_rate: 'Đúng hạn',
  late: 'Trễ hạn',
  overdue_open: 'Quá hạn chưa giải quyết',
  online_payment_rate: 'Thanh toán trực tuyến',
  ecert_copies: 'Bản sao chứng thực điện tử',
  ecert_units: 'Đơn vị thực hiện chứng thực điện tử',
  ecert_units_to_date: 'Đơn vị đã thực hiện chứng thực điện tử (lũy kế)',
  satisfaction_rate: 'Hài lòng',
}

/**
 * How the rows of a unit's table are named: its whole subtree ("Toàn huyện"), its own
 * one-stop shop ("Bộ phận Một cửa cấp huyện") and the units below it together ("cấp xã").
 */
export function scopeLabels(kind: string): { subtree: string; own: string; below: string } {
  switch (kind) {
    case 'province':
      return { subtree: 'Toàn tỉnh', own: 'Bộ phận Một cửa cấp tỉnh', below: 'các đơn vị cấp huyện' }
    case 'district':
      return { subtree: 'Toàn huyện', own: 'Bộ phận Một cửa cấp huyện', below: 'Bộ phận Một cửa cấp xã' }
    default:
      return { subtree: 'Toàn đơn vị', own: 'Bộ phận Một cửa của đơn vị', below: 'các đơn vị trực thuộc' }
  }
}
