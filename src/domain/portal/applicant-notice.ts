import { DOSSIER_EVENT_LABELS, type DossierEventType } from '../dossiers/dossier-event.js'
import { vietnamDateTimeWords } from './portal-dates.js'

/** What the applicant is told, and about which dossier: one notice per step, never silent. */
export interface ApplicantNoticeFacts {
  dossierCode: string
  procedureName: string
  unitName: string
  dueAt: Date | null
  trackingUrl: string
}

export type ApplicantNoticeStep =
  | { kind: 'event'; type: DossierEventType; reason: string | null }
  | { kind: 'paid'; amountVnd: number }
  | { kind: 'refunded'; amountVnd: number; reason: string }

export interface ApplicantNotice {
  subject: string
  /** The SMS: short, the code, the step and the tracking address. */
  sms: string
  /** The e-mail: the same facts, with the procedure and the unit named. */
  email: string
}

const money = (vnd: number) => `${new Intl.NumberFormat('vi-VN').format(vnd)} đồng`

/** The sentence for a step: what happened, and what it means for the applicant. */
function whatHappened(step: ApplicantNoticeStep, facts: ApplicantNoticeFacts): string {
  if (step.kind === 'paid') return `Đã nhận thanh toán trực tuyến ${money(step.amountVnd)} phí, lệ phí.`
  if (step.kind === 'refunded') return `Đã hoàn lại ${money(step.amountVnd)} phí, lệ phí đã nộp. Lý do: ${step.reason}.`
  const due = facts.dueAt ? ` Ngày hẹn trả kết quả: ${vietnamDateTimeWords(facts.dueAt)}.` : ''
  switch (step.type) {
    case 'receive':
      return `Hồ sơ đã được tiếp nhận.${due}`
    case 'request_supplement':
      return `Hồ sơ cần bổ sung. Lý do: ${step.reason ?? ''}.`
    case 'reject':
      return `Hồ sơ bị từ chối giải quyết. Lý do: ${step.reason ?? ''}.`
    case 'pause':
      return `Hồ sơ tạm dừng xử lý. Lý do: ${step.reason ?? ''}.`
    case 'finish':
      return 'Hồ sơ đã có kết quả giải quyết, mời ông/bà nhận kết quả.'
    case 'return':
      return 'Đã trả kết quả. Mời ông/bà đánh giá mức độ hài lòng.'
    case 'withdraw':
      return `Hồ sơ đã được rút theo yêu cầu. Lý do: ${step.reason ?? ''}.`
    default:
      return `${DOSSIER_EVENT_LABELS[step.type]}.${step.type === 'resume' || step.type === 'supplement_received' ? due : ''}`
  }
}

export function applicantNotice(step: ApplicantNoticeStep, facts: ApplicantNoticeFacts): ApplicantNotice {
  const sentence = whatHappened(step, facts)
  return {
    subject: `Hồ sơ ${facts.dossierCode}: ${sentence.split('.')[0]}`,
    sms: `Hồ sơ ${facts.dossierCode}: ${sentence} Tra cứu: ${facts.trackingUrl}`,
    email: [
      'Kính gửi ông/bà,',
      '',
      `Hồ sơ ${facts.dossierCode} (${facts.procedureName}) tại ${facts.unitName}:`,
      sentence,
      '',
      `Tra cứu tình trạng hồ sơ: ${facts.trackingUrl}`,
      '',
      'Thư này được gửi tự động, xin đừng trả lời.',
    ].join('\n'),
  }
}
