import { z } from 'zod'
import { PublicForm } from './procedure-forms.js'

/** The citizens' portal's answers (/api/v1/public/…): nothing personal beyond what the applicant gave. */

export const PublicComponent = z.object({ position: z.number(), name: z.string(), required: z.boolean() })

export const PublicProcedure = z.object({
  code: z.string(),
  name: z.string(),
  field: z.string().nullable(),
  level: z.string().describe('Cấp giải quyết: commune, district, province'),
  online_level: z.string().describe('full: toàn trình; partial: một phần; none: chỉ nộp trực tiếp'),
  processing_days: z.number().describe('Số ngày làm việc giải quyết'),
  fee_vnd: z.number(),
  pay_online: z.boolean().describe('Nộp phí, lệ phí trực tuyến được'),
  components: z.array(PublicComponent),
  forms: z.array(PublicForm).describe('Mẫu đơn, tờ khai tải về'),
})

export const PublicProcedureDetails = PublicProcedure.extend({
  units: z.array(z.object({ code: z.string(), name: z.string() })).describe('Nơi giải quyết được (mọi đơn vị cùng cấp trong tỉnh)'),
})

export const OtpSent = z.object({ expires_at: z.string() })
export const PortalSession = z.object({ token: z.string().describe('Gửi lại trong tiêu đề x-portal-session'), expires_at: z.string(), phone: z.string().nullable() })

export const SubmittedDossier = z.object({ code: z.string(), received_at: z.string(), due_at: z.string(), tracking_path: z.string() })

export const TrackedDossier = z.object({
  code: z.string(),
  procedure: z.object({ code: z.string(), name: z.string() }),
  unit: z.object({ code: z.string(), name: z.string() }),
  channel: z.string(),
  status: z.string(),
  status_label: z.string(),
  received_at: z.string(),
  due_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  returned_at: z.string().nullable(),
  steps: z.array(z.object({ type: z.string(), label: z.string(), at: z.string(), reason: z.string().nullable() })),
  components: z.array(PublicComponent).describe('Thành phần hồ sơ (để bổ sung khi được yêu cầu)'),
  fee_vnd: z.number(),
  paid: z.boolean(),
  paid_online: z.boolean(),
  refunded: z.boolean(),
  can_pay_online: z.boolean(),
  rating: z.string().nullable(),
  can_rate: z.boolean(),
})

export const PaymentStarted = z.object({ txn_ref: z.string(), redirect_url: z.string().describe('Địa chỉ cổng thanh toán để chuyển người dùng tới') })
export const PaymentOutcome = z.object({ txn_ref: z.string(), dossier_code: z.string(), status: z.string(), amount_vnd: z.number(), message: z.string() })
