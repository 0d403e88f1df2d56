import { describe, expect, it } from 'vitest'
import { formatSigningTime, judgeSignature, stampLines, type SignatureFacts } from './signature-verdict.js'

const signer = {
  name: 'Nguyễn Văn Hùng', subject: 'C=VN, CN=Nguyễn Văn Hùng', issuer: 'C=VN, CN=Ban Cơ yếu', serial: '1A2B',
  validFrom: new Date('2026-01-01T00:00:00Z'), validTo: new Date('2026-12-31T00:00:00Z'),
}
const intact: SignatureFacts = { coversWholeFile: true, digestMatches: true, signatureVerifies: true, chainTrusted: true, signer, signedAt: new Date('2026-11-20T03:15:00Z') }
const november = new Date('2026-11-21T00:00:00Z')

describe('the verdict on a signature', () => {
  it('is valid when intact, in its validity and trusted, and names the signer and the Vietnam time', () => {
    const verdict = judgeSignature(intact, november)
    expect(verdict.status).toBe('valid')
    expect(verdict.reason).toBe('Chữ ký số hợp lệ: ký bởi Nguyễn Văn Hùng lúc 20/11/2026 10:15')
  })

  it('calls a changed file changed whatever else is true of it', () => {
    expect(judgeSignature({ ...intact, coversWholeFile: false }, november).status).toBe('changed')
    expect(judgeSignature({ ...intact, digestMatches: false, chainTrusted: false }, november).status).toBe('changed')
    expect(judgeSignature({ ...intact, signatureVerifies: false }, november).status).toBe('changed')
  })

  it('is expired when signed outside the validity, or checked after it ended', () => {
    expect(judgeSignature({ ...intact, signedAt: new Date('2025-12-31T00:00:00Z') }, november).status).toBe('expired')
    expect(judgeSignature(intact, new Date('2027-01-02T00:00:00Z')).status).toBe('expired')
  })

  it('is untrusted when intact and valid but not chained to an anchor, saying why', () => {
    const verdict = judgeSignature({ ...intact, chainTrusted: false, chainProblem: 'không xây dựng được chuỗi chứng thư' }, november)
    expect(verdict).toMatchObject({ status: 'untrusted', reason: 'Chứng thư số không do tổ chức được tin cậy cấp: không xây dựng được chuỗi chứng thư' })
  })
})

describe('the visible stamp', () => {
  it('writes "Ký bởi" and "Thời gian ký" in dd/mm/yyyy HH:mm, Vietnam time', () => {
    expect(stampLines('Ủy ban nhân dân Huyện Tứ Kỳ', new Date('2022-09-15T17:05:00Z'))).toEqual(['Ký bởi: Ủy ban nhân dân Huyện Tứ Kỳ', 'Thời gian ký: 16/09/2022 00:05'])
    expect(formatSigningTime(new Date('2022-01-02T01:02:00Z'))).toBe('02/01/2022 08:02')
  })
})
