import { describe, expect, it } from 'vitest'
import { applicantNotice } from './applicant-notice.js'

const facts = {
  dossierCode: 'H23.07.01-221003-004',
  procedureName: 'Thủ tục đăng ký khai sinh',
  unitName: 'Xã An Thanh',
  dueAt: new Date('2022-10-04T10:00:00Z'),
  trackingUrl: 'https://dichvucong.haiduong.example/tra-cuu/H23.07.01-221003-004',
}

describe('what the applicant is told', () => {
  it('gives the appointment in Vietnam time when the dossier is received', () => {
    const notice = applicantNotice({ kind: 'event', type: 'receive', reason: null }, facts)
    expect(notice.sms).toBe(`Hồ sơ H23.07.01-221003-004: Hồ sơ đã được tiếp nhận. Ngày hẹn trả kết quả: 17:00 ngày 4/10/2022. Tra cứu: ${facts.trackingUrl}`)
    expect(notice.subject).toBe('Hồ sơ H23.07.01-221003-004: Hồ sơ đã được tiếp nhận')
    expect(notice.email).toContain('Thủ tục đăng ký khai sinh) tại Xã An Thanh')
  })

  it('always carries the reason of a supplement request and of a refusal', () => {
    expect(applicantNotice({ kind: 'event', type: 'request_supplement', reason: 'Thiếu giấy chứng sinh' }, facts).sms).toContain('Hồ sơ cần bổ sung. Lý do: Thiếu giấy chứng sinh.')
    expect(applicantNotice({ kind: 'event', type: 'reject', reason: 'Không thuộc thẩm quyền' }, facts).email).toContain('Hồ sơ bị từ chối giải quyết. Lý do: Không thuộc thẩm quyền.')
  })

  it('tells of a payment and a refund with the amount in đồng', () => {
    expect(applicantNotice({ kind: 'paid', amountVnd: 8000 }, facts).sms).toContain('Đã nhận thanh toán trực tuyến 8.000 đồng')
    expect(applicantNotice({ kind: 'refunded', amountVnd: 8000, reason: 'hồ sơ bị từ chối giải quyết' }, facts).sms).toContain('Đã hoàn lại 8.000 đồng phí, lệ phí đã nộp. Lý do: hồ sơ bị từ chối giải quyết.')
  })
})
