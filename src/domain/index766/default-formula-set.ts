import { parseFormulaSet, type FormulaSet, type FormulaSetInput } from './formula-set.js'

const linear = { kind: 'linear' } as const
const tracked = { kind: 'tracked' } as const

/**
 * The table of INDICATORS.md as data: the scoring the national public-service portal is
 * documented to apply in 2025–2026, rebuilt from its published formula sheet and independent
 * reconstructions (the law's appendix was not at hand). Five groups as the portal shows them,
 * with online services and online payment apart. Ids the table does not number are ours:
 * '3.x' (full-online dossiers), '4.ct' (communes with e-certified copies), '4.5a'/'4.5b'.
 */
export const DEFAULT_FORMULA_SET_INPUT: FormulaSetInput = {
  name: 'Cổng DVC quốc gia 2025–2026 (tái dựng)',
  valid_from: '2025-01-01',
  valid_to: '2026-12-31',
  source: 'INDICATORS.md — bảng điểm Cổng Dịch vụ công quốc gia công bố, tái dựng; chưa đối chiếu phụ lục Quyết định 766/QĐ-TTg',
  groups: [
    {
      id: '1',
      label: 'Công khai, minh bạch',
      max_points: 18,
      indicators: [
        { id: '1.1', label: 'Công bố, công khai TTHC đúng hạn', max_points: 6, rule: linear, numerator_noun: 'TTHC công bố đúng hạn' },
        { id: '1.2', label: 'Cập nhật, công khai TTHC trên CSDL quốc gia đúng hạn', max_points: 4, rule: linear, numerator_noun: 'TTHC cập nhật đúng hạn' },
        { id: '1.3', label: 'TTHC công khai đầy đủ các bộ phận', max_points: 2, rule: linear, numerator_noun: 'TTHC công khai đầy đủ' },
        { id: '1.4', label: 'Hồ sơ đồng bộ lên Cổng DVC quốc gia', max_points: 6, rule: linear, numerator_noun: 'hồ sơ đồng bộ' },
      ],
    },
    {
      id: '2',
      label: 'Tiến độ, kết quả giải quyết',
      max_points: 20,
      indicators: [
        { id: '2.1', label: 'Hồ sơ giải quyết trước hạn, đúng hạn', max_points: 20, rule: linear, numerator_noun: 'hồ sơ đúng hạn' },
        { id: '2.2', label: 'Thời gian giải quyết trung bình của TTHC', max_points: 0, rule: { kind: 'tracked', measure: 'average_working_days' } },
      ],
    },
    {
      id: '3',
      label: 'Cung cấp dịch vụ trực tuyến',
      max_points: 12,
      indicators: [
        { id: '3.x', label: 'Hồ sơ trực tuyến toàn trình', max_points: 12, rule: linear, numerator_noun: 'hồ sơ trực tuyến' },
      ],
    },
    {
      id: '3tt',
      label: 'Thanh toán trực tuyến',
      max_points: 10,
      indicators: [
        { id: '3.6', label: 'Hồ sơ thanh toán trực tuyến', max_points: 6, rule: linear, numerator_noun: 'hồ sơ thanh toán trực tuyến' },
        {
          id: '3.5',
          label: 'TTHC có phí, lệ phí được tích hợp thanh toán và có phát sinh thanh toán trực tuyến',
          max_points: 4,
          rule: { kind: 'payment_3_5', factor_b: 2.5, cap_b: 2, factor_c: 2.5 },
        },
      ],
    },
    {
      id: '4',
      label: 'Số hóa hồ sơ',
      max_points: 22,
      indicators: [
        { id: '4.1', label: 'Hồ sơ cấp kết quả điện tử', max_points: 6, rule: linear, numerator_noun: 'hồ sơ cấp kết quả điện tử' },
        { id: '4.2', label: 'Hồ sơ số hóa (thành phần và kết quả)', max_points: 4, rule: { kind: 'full_at', threshold_percent: 80 }, numerator_noun: 'hồ sơ số hóa' },
        { id: '4.ct', label: 'Xã thực hiện chứng thực bản sao điện tử', max_points: 2, rule: linear, numerator_noun: 'xã chứng thực điện tử' },
        { id: '4.3', label: 'Hồ sơ tái sử dụng dữ liệu số hóa', max_points: 2, rule: { kind: 'capped_linear', factor: 2, threshold_percent: 80 }, numerator_noun: 'hồ sơ tái sử dụng dữ liệu' },
        { id: '4.4', label: 'Hồ sơ số hóa gắn với kho dữ liệu cá nhân', max_points: 4, rule: linear, numerator_noun: 'hồ sơ gắn kho dữ liệu' },
        { id: '4.5a', label: 'TTHC khai thác dữ liệu dân cư', max_points: 2, rule: linear, numerator_noun: 'TTHC khai thác dữ liệu dân cư' },
        { id: '4.5b', label: 'Hồ sơ khai thác dữ liệu dân cư, tài khoản VNeID', max_points: 2, rule: linear, numerator_noun: 'hồ sơ khai thác dữ liệu dân cư' },
      ],
    },
    {
      id: '5',
      label: 'Mức độ hài lòng',
      max_points: 18,
      indicators: [
        { id: '5.1', label: 'Phản ánh, kiến nghị được phân loại', max_points: 0, rule: tracked },
        { id: '5.2', label: 'Phản ánh, kiến nghị xử lý đúng hạn', max_points: 6, rule: linear, numerator_noun: 'phản ánh xử lý đúng hạn' },
        { id: '5.3', label: 'Hài lòng về xử lý phản ánh, kiến nghị', max_points: 6, rule: linear, numerator_noun: 'phản ánh được hài lòng' },
        { id: '5.4', label: 'Hài lòng về giải quyết hồ sơ', max_points: 6, rule: { kind: 'full_at', threshold_percent: 90 }, numerator_noun: 'hồ sơ được hài lòng' },
      ],
    },
  ],
  bands: [
    { min_score: 90, label: 'xuất sắc' },
    { min_score: 80, label: 'tốt' },
    { min_score: 70, label: 'khá' },
    { min_score: 50, label: 'trung bình' },
    { min_score: 0, label: 'yếu' },
  ],
}

export const DEFAULT_FORMULA_SET: FormulaSet = parseFormulaSet(DEFAULT_FORMULA_SET_INPUT)
