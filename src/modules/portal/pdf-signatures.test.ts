import { describe, expect, it } from 'vitest'
import { alteredAfterSigning, signedPdf } from '../../../test/support/signed-pdf.js'
import { onePagePdf } from '../../../test/support/portal-citizen.js'
import { pdfSignatureProblem } from './pdf-signatures.js'

describe('the digital signatures of an uploaded PDF', () => {
  it('accept an unsigned PDF and a signed one left as signed', async () => {
    expect(await pdfSignatureProblem(await onePagePdf('Giay chung sinh'))).toBeNull()
    expect(await pdfSignatureProblem(await signedPdf('To khai dang ky khai sinh'))).toBeNull()
  }, 60_000)

  it('refuse a signed PDF changed after signing, or with content added after the signature', async () => {
    const signed = await signedPdf('To khai dang ky khai sinh')
    expect(await pdfSignatureProblem(alteredAfterSigning(signed))).toMatch(/chữ ký số không hợp lệ: tệp đã bị sửa sau khi ký/)
    expect(await pdfSignatureProblem(Buffer.concat([signed, Buffer.from('\n% them sau khi ky\n')]))).toBe('tệp đã được thêm nội dung sau chữ ký số cuối cùng')
  }, 60_000)
})
