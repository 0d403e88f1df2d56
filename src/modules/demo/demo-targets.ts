import type { Target } from '../../domain/indicators/target.js'

/** The province's targets the seed letters cite (INDICATORS.md, "Targets"). */
export const DEMO_TARGETS: readonly Target[] = [
  { indicator: 'online_rate', year: 2021, unitKind: 'commune', unitCode: null, scope: 'subtree', minimum: 10, decidedBy: 'QĐ 3113/QĐ-UBND ngày 26/10/2021 của UBND tỉnh Hải Dương' },
  { indicator: 'online_rate', year: 2022, unitKind: 'commune', unitCode: null, scope: 'subtree', minimum: 50, decidedBy: 'Kế hoạch giao chỉ tiêu năm 2022 của UBND tỉnh (QĐ 1217/QĐ-UBND ngày 12/5/2022)' },
  { indicator: 'dossier_digitization_rate', year: 2022, unitKind: 'district', unitCode: null, scope: 'own', minimum: 40, decidedBy: 'Chỉ tiêu UBND tỉnh giao năm 2022 (CV 430/UBND-VP ngày 05/4/2022)' },
  { indicator: 'dossier_digitization_rate', year: 2022, unitKind: 'commune', unitCode: null, scope: 'subtree', minimum: 25, decidedBy: 'Chỉ tiêu UBND tỉnh giao năm 2022 (CV 430/UBND-VP ngày 05/4/2022)' },
  { indicator: 'online_payment_rate', year: 2023, unitKind: 'commune', unitCode: null, scope: 'subtree', minimum: 30, decidedBy: 'Chỉ tiêu UBND tỉnh giao năm 2023' },
]
