/** The core indicators of INDICATORS.md. */
export const IndicatorId = {
  received: 'received',
  onlineRate: 'online_rate',
  dossierDigitizationRate: 'dossier_digitization_rate',
  resultDigitizationRate: 'result_digitization_rate',
  onTimeRate: 'on_time_rate',
  late: 'late',
  overdueOpen: 'overdue_open',
  onlinePaymentRate: 'online_payment_rate',
  ecertCopies: 'ecert_copies',
  ecertUnits: 'ecert_units',
  ecertUnitsToDate: 'ecert_units_to_date',
  satisfactionRate: 'satisfaction_rate',
} as const
export type IndicatorId = (typeof IndicatorId)[keyof typeof IndicatorId]
export const INDICATOR_IDS = Object.values(IndicatorId) as readonly IndicatorId[]

export type IndicatorKind = 'rate' | 'count'

export interface IndicatorInfo {
  id: IndicatorId
  kind: IndicatorKind
  /** Vietnamese name, as the letters write it. */
  label: string
  /** Which dossiers it counts: by receipt, by finishing, at the end of the period, or units. */
  basis: 'received' | 'finished' | 'end_of_period' | 'units'
}

export const INDICATORS: Record<IndicatorId, IndicatorInfo> = {
  received: { id: 'received', kind: 'count', label: 'Số hồ sơ tiếp nhận', basis: 'received' },
  online_rate: { id: 'online_rate', kind: 'rate', label: 'Tỷ lệ hồ sơ trực tuyến', basis: 'received' },
  dossier_digitization_rate: { id: 'dossier_digitization_rate', kind: 'rate', label: 'Tỷ lệ số hóa đầy đủ thành phần hồ sơ', basis: 'received' },
  result_digitization_rate: { id: 'result_digitization_rate', kind: 'rate', label: 'Tỷ lệ số hóa kết quả giải quyết', basis: 'finished' },
  on_time_rate: { id: 'on_time_rate', kind: 'rate', label: 'Tỷ lệ hồ sơ giải quyết đúng hạn', basis: 'finished' },
  late: { id: 'late', kind: 'count', label: 'Số hồ sơ trễ hạn', basis: 'finished' },
  overdue_open: { id: 'overdue_open', kind: 'count', label: 'Hồ sơ quá hạn chưa giải quyết', basis: 'end_of_period' },
  online_payment_rate: { id: 'online_payment_rate', kind: 'rate', label: 'Tỷ lệ thanh toán trực tuyến', basis: 'received' },
  ecert_copies: { id: 'ecert_copies', kind: 'count', label: 'Số bản sao chứng thực điện tử', basis: 'received' },
  ecert_units: { id: 'ecert_units', kind: 'count', label: 'Số đơn vị cấp xã đã thực hiện chứng thực điện tử', basis: 'units' },
  ecert_units_to_date: { id: 'ecert_units_to_date', kind: 'count', label: 'Số đơn vị cấp xã đã thực hiện chứng thực điện tử (lũy kế)', basis: 'units' },
  satisfaction_rate: { id: 'satisfaction_rate', kind: 'rate', label: 'Tỷ lệ hài lòng', basis: 'finished' },
}
