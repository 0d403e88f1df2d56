import { enumAliases } from './value-parsers.js'

/** The Vietnamese names of INTERCHANGE.md, in one place. */
export const UNIT_KIND_ALIASES = enumAliases({
  province: ['tỉnh', 'thành phố trực thuộc trung ương'],
  district: ['huyện', 'quận', 'thị xã', 'thành phố thuộc tỉnh'],
  commune: ['xã', 'phường', 'thị trấn', 'đặc khu'],
  office: ['phòng', 'sở', 'ban'],
})

export const LEVEL_ALIASES = enumAliases({ province: ['tỉnh'], district: ['huyện'], commune: ['xã'] })

export const ONLINE_LEVEL_ALIASES = enumAliases({
  full: ['toàn trình', 'mức độ 4', '4'],
  partial: ['một phần', 'mức độ 3', '3'],
  none: ['không'],
})

export const CHANNEL_ALIASES = enumAliases({
  online: ['trực tuyến'],
  direct: ['trực tiếp'],
  postal: ['bưu chính', 'bưu chính công ích'],
})

export const STATUS_ALIASES = enumAliases({
  received: ['đã tiếp nhận'],
  processing: ['đang xử lý'],
  supplement: ['chờ bổ sung'],
  paused: ['tạm dừng'],
  finished: ['đã xử lý xong'],
  returned: ['đã trả kết quả'],
  rejected: ['từ chối'],
  withdrawn: ['rút hồ sơ'],
})

export const RATING_ALIASES = enumAliases({
  very_satisfied: ['rất hài lòng'],
  satisfied: ['hài lòng'],
  dissatisfied: ['không hài lòng'],
})

/** feedback.csv (phản ánh, kiến nghị): docs/INTERCHANGE-EXTENSIONS.md. */
export const FEEDBACK_CHANNEL_ALIASES = enumAliases({
  online: ['trực tuyến', 'cổng dịch vụ công', 'hệ thống phản ánh, kiến nghị'],
  direct: ['trực tiếp'],
  phone: ['điện thoại', 'đường dây nóng'],
  postal: ['văn bản', 'bưu chính'],
  email: ['thư điện tử'],
})

export const FEEDBACK_CLASSIFICATION_ALIASES = enumAliases({
  rule: ['quy định', 'quy định hành chính', 'về quy định hành chính'],
  official: ['hành vi', 'hành vi hành chính', 'cán bộ', 'về hành vi hành chính'],
})

export const FEEDBACK_REACTION_ALIASES = enumAliases({
  satisfied: ['hài lòng'],
  unsatisfied: ['không hài lòng'],
  none: ['không có ý kiến', 'không ý kiến'],
})
