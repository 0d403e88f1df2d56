import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { X509Certificate } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { signPdf } from '../../src/modules/signatures/sign-pdf.js'
import { verifyPdfSignature } from '../../src/modules/signatures/verify-pdf.js'
import { issueCredential, makeTestCa } from '../support/signing-ca.js'
import { tempDir } from '../support/files.js'
import { plainPdf } from '../support/plain-pdf.js'

// Fixed instants, so the certificates' validity never depends on the day the tests run.
const SIGNED_AT = new Date('2026-11-20T03:15:00Z')
const CHECKED_AT = new Date('2026-11-21T00:00:00Z')
const ca = makeTestCa('CA thử nghiệm tỉnh Hải Dương', SIGNED_AT)
const anchors = [new X509Certificate(ca.certificatePem)]
const chairman = issueCredential(ca, 'Nguyễn Văn Hùng', { organisation: 'UBND xã An Thanh', now: SIGNED_AT })
const sign = async (credential = chairman) => signPdf(await plainPdf(), credential, { signedAt: SIGNED_AT })

describe('a result signed with a PKCS#12 and checked against the trust anchors', () => {
  it('is valid, names the signer and the time it was signed', async () => {
    const signed = await signPdf(await plainPdf(), chairman, { signedAt: SIGNED_AT, reason: 'Phê duyệt kết quả' })
    const verdict = verifyPdfSignature(signed, anchors, CHECKED_AT)
    expect(verdict.status).toBe('valid')
    expect(verdict.signer?.name).toBe('Nguyễn Văn Hùng')
    expect(verdict.signedAt?.toISOString()).toBe(SIGNED_AT.toISOString())
  })

  it('carries the visible stamp "Ký bởi … / Thời gian ký dd/mm/yyyy HH:mm" in Vietnam time', async () => {
    const signed = await sign()
    // Read back as a reader sees it (poppler's pdftotext, installed with the OCR tools).
    const text = execFileSync('pdftotext', ['-', '-'], { input: signed }).toString('utf8')
    expect(text).toContain('Ký bởi: Nguyễn Văn Hùng')
    expect(text).toContain('Thời gian ký: 20/11/2026 10:15')
    expect(signed.toString('latin1')).toContain('/SubFilter /ETSI.CAdES.detached')
  })

  it('is accepted by another verifier: poppler finds the signer by issuer and serial and the signature valid', async () => {
    const file = join(tempDir(), 'ket-qua-da-ky.pdf')
    writeFileSync(file, await sign())
    const report = execFileSync('pdfsig', [file]).toString('utf8')
    expect(report).toContain('Signer full Distinguished Name: CN=Nguyễn Văn Hùng,O=UBND xã An Thanh,C=VN')
    expect(report).toContain('Signature Validation: Signature is Valid.')
  })

  it('is "changed" when one byte of the signed content is altered', async () => {
    const signed = await sign()
    const contentsStart = signed.indexOf('/Contents <') // the signature's own hex is the one part not signed
    for (const at of [Math.floor(contentsStart / 2), signed.length - 40]) {
      const tampered = Buffer.from(signed)
      tampered[at] = tampered[at]! ^ 0x01
      expect(verifyPdfSignature(tampered, anchors, CHECKED_AT).status).toBe('changed')
    }
  })

  it('is "changed" when bytes are appended after the signature', async () => {
    const extended = Buffer.concat([await sign(), Buffer.from('\n% them noi dung\n')])
    const verdict = verifyPdfSignature(extended, anchors, CHECKED_AT)
    expect(verdict.status).toBe('changed')
    expect(verdict.reason).toContain('ByteRange')
  })

  it('is "unsigned" for a PDF without a signature', async () => {
    expect(verifyPdfSignature(await plainPdf(), anchors, CHECKED_AT).status).toBe('unsigned')
  })

  it('is "untrusted" when the issuing CA is not an anchor', async () => {
    const stranger = makeTestCa('CA không rõ nguồn gốc', SIGNED_AT)
    const signed = await sign(issueCredential(stranger, 'Người lạ', { now: SIGNED_AT }))
    expect(verifyPdfSignature(signed, anchors, CHECKED_AT).status).toBe('untrusted')
    expect(verifyPdfSignature(signed, [], CHECKED_AT).status).toBe('untrusted')
    expect(verifyPdfSignature(await sign(), [], CHECKED_AT).reason).toContain('chưa cấu hình')
  })

  it('is "expired" once the certificate is past its validity', async () => {
    const shortLived = issueCredential(ca, 'Trần Thị Bình', { now: SIGNED_AT, validFromDaysAgo: 10, validForDays: 5 })
    const signed = await sign(shortLived)
    expect(verifyPdfSignature(signed, anchors, CHECKED_AT).status).toBe('valid')
    const later = verifyPdfSignature(signed, anchors, new Date('2026-12-01T00:00:00Z'))
    expect(later.status).toBe('expired')
    expect(later.reason).toContain('hết hạn')
  })

  it('refuses to sign with an expired certificate, or a wrong password', async () => {
    const expired = issueCredential(ca, 'Lê Văn Cũ', { now: SIGNED_AT, validFromDaysAgo: 400, validForDays: -35 })
    await expect(sign(expired)).rejects.toMatchObject({ userMessage: expect.stringContaining('không còn hiệu lực') })
    await expect(sign({ ...chairman, password: 'sai' })).rejects.toMatchObject({ userMessage: expect.stringContaining('sai mật khẩu') })
  })
})
