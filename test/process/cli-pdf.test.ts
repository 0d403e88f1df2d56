import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { signPdf } from '../../src/modules/signatures/sign-pdf.js'
import { tempDir } from '../support/files.js'
import { plainPdf } from '../support/plain-pdf.js'
import { runCli } from '../support/run-cli.js'
import { issueCredential, makeTestCa } from '../support/signing-ca.js'

const dir = tempDir()
const ca = makeTestCa()
const caPem = join(dir, 'ca.pem')
writeFileSync(caPem, ca.certificatePem)
const officer = issueCredential(ca, 'Phạm Thị Hoa')
const p12 = join(dir, 'hoa.p12')
writeFileSync(p12, officer.p12)
const unsigned = join(dir, 'ket-qua.pdf')
writeFileSync(unsigned, await plainPdf())
const data = ['--data', join(dir, 'data')]

describe('cli -- pdf sign and pdf verify', () => {
  it('signs, and a verify with the CA trusted exits 0 naming the signer, the time and the validity', async () => {
    const signed = join(dir, 'ket-qua-da-ky.pdf')
    const sign = await runCli(['pdf', 'sign', '--in', unsigned, '--out', signed, '--p12', p12, '--password', officer.password, '--reason', 'Phê duyệt', ...data])
    expect(sign.code, sign.stderr).toBe(0)
    const verify = await runCli(['pdf', 'verify', signed, '--trust', caPem, ...data])
    expect(verify.code, verify.stderr).toBe(0)
    expect(verify.stdout).toContain('Chữ ký số hợp lệ')
    expect(verify.stdout).toContain('Người ký: Phạm Thị Hoa')
    expect(verify.stdout).toMatch(/Thời gian ký: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/)
    expect(verify.stdout).toContain('Hiệu lực chứng thư:')
    const json = await runCli(['pdf', 'verify', signed, '--trust', caPem, '--json', ...data])
    expect(JSON.parse(json.stdout)).toMatchObject({ status: 'valid', signer: { name: 'Phạm Thị Hoa' } })

    const tampered = join(dir, 'sua.pdf')
    const bytes = readFileSync(signed)
    bytes[100] = bytes[100]! ^ 0x01
    writeFileSync(tampered, bytes)
    const changed = await runCli(['pdf', 'verify', tampered, '--trust', caPem, ...data])
    expect(changed.code).toBe(1)
    expect(changed.stderr).toContain('Tài liệu đã bị thay đổi sau khi ký')

    const otherCa = join(dir, 'other.pem')
    writeFileSync(otherCa, makeTestCa('CA khác').certificatePem)
    const untrusted = await runCli(['pdf', 'verify', signed, '--trust', otherCa, ...data])
    expect(untrusted.code).toBe(1)
    expect(untrusted.stderr).toContain('không do tổ chức được tin cậy cấp')
  })

  it('exits non-zero for an unsigned file and for an expired certificate', async () => {
    const none = await runCli(['pdf', 'verify', unsigned, '--trust', caPem, ...data])
    expect(none.code).toBe(1)
    expect(none.stderr).toContain('không có chữ ký số')

    const day = 86_400_000
    const lapsed = issueCredential(ca, 'Đỗ Văn Hết', { validFromDaysAgo: 60, validForDays: -10 })
    const old = join(dir, 'cu.pdf')
    writeFileSync(old, await signPdf(await plainPdf(), lapsed, { signedAt: new Date(Date.now() - 20 * day) }))
    const expired = await runCli(['pdf', 'verify', old, '--trust', caPem, ...data])
    expect(expired.code).toBe(1)
    expect(expired.stderr).toContain('Chứng thư số đã hết hạn')
  })

  it('refuses a wrong password with a Vietnamese reason', async () => {
    const result = await runCli(['pdf', 'sign', '--in', unsigned, '--out', join(dir, 'x.pdf'), '--p12', p12, '--password', 'sai-mat-khau', ...data])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('sai mật khẩu')
  })
})

