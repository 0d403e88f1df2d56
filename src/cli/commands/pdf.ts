import { readFileSync, writeFileSync } from 'node:fs'
import { SIGNATURE_STATUS_LABELS, formatSigningTime, type SignatureVerdict } from '../../domain/signatures/signature-verdict.js'
import { signPdf } from '../../modules/signatures/sign-pdf.js'
import { defaultTrustAnchorPaths, loadTrustAnchors } from '../../modules/signatures/trust-anchors.js'
import { verifyPdfSignature } from '../../modules/signatures/verify-pdf.js'
import type { Command } from '../command.js'
import { parseCommandArgs } from '../parse-command-args.js'
import { usageError } from '../usage-error.js'

const USAGE = `cli -- pdf sign --in TỆP.pdf --out TỆP_KÝ.pdf --p12 CHỨNG_THƯ.p12 [--password MẬT_KHẨU] [--reason "LÝ DO"]
       (mật khẩu: --password hoặc biến MOTCUA_P12_PASSWORD)
       cli -- pdf verify TỆP.pdf [--trust CA.pem]… [--json]
       (không có --trust: MOTCUA_TRUST_ANCHORS hoặc <data>/trust-anchors/)`

function readInput(path: string): Buffer {
  try {
    return readFileSync(path)
  } catch {
    throw usageError(`Không đọc được tệp ${path}`, USAGE)
  }
}

function describe(verdict: SignatureVerdict): string[] {
  const lines = [verdict.reason]
  if (verdict.signer) {
    lines.push(`Người ký: ${verdict.signer.name}`, `Chứng thư số: ${verdict.signer.subject}; số hiệu ${verdict.signer.serial}`, `Tổ chức cấp: ${verdict.signer.issuer}`)
    lines.push(`Hiệu lực chứng thư: ${formatSigningTime(verdict.signer.validFrom)} – ${formatSigningTime(verdict.signer.validTo)}`)
  }
  if (verdict.signedAt) lines.push(`Thời gian ký: ${formatSigningTime(verdict.signedAt)}`)
  return lines
}

/** Signs a PDF with a PKCS#12 (PAdES, visible stamp) or checks a signed PDF; verify exits 0 only for a valid, trusted signature. */
export const pdfCommand: Command = {
  name: 'pdf',
  usage: USAGE,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(args, {
      in: { type: 'string' }, out: { type: 'string' }, p12: { type: 'string' }, password: { type: 'string' }, reason: { type: 'string' },
      trust: { type: 'string', multiple: true }, json: { type: 'boolean' },
    }, USAGE)
    const [action, ...rest] = positionals
    if (action === 'sign') {
      if (rest.length > 0) throw usageError(`Thừa tham số: ${rest.join(' ')}`, USAGE)
      if (!values.in || !values.out || !values.p12) throw usageError('Cần --in, --out và --p12', USAGE)
      const password = values.password ?? process.env.MOTCUA_P12_PASSWORD
      if (password === undefined) throw usageError('Thiếu mật khẩu chứng thư số (--password hoặc MOTCUA_P12_PASSWORD)', USAGE)
      const signed = await signPdf(readInput(values.in), { p12: readInput(values.p12), password }, values.reason ? { reason: values.reason } : {})
      writeFileSync(values.out, signed)
      context.stderr(`Đã ký ${values.in} → ${values.out}.`)
      return 0
    }
    if (action === 'verify') {
      const [file, ...extra] = rest
      if (!file || extra.length > 0) throw usageError('Cần đúng một tệp PDF để kiểm tra', USAGE)
      const anchors = loadTrustAnchors(values.trust ?? defaultTrustAnchorPaths(context.config.dataDir, context.config.trustAnchors))
      const verdict = verifyPdfSignature(readInput(file), anchors)
      if (values.json) context.stdout(JSON.stringify({ ...verdict, label: SIGNATURE_STATUS_LABELS[verdict.status] }))
      else for (const line of describe(verdict)) context.stdout(line)
      if (verdict.status !== 'valid') context.stderr(verdict.reason)
      return verdict.status === 'valid' ? 0 : 1
    }
    throw usageError(`Thao tác không hợp lệ: ${action ?? '(trống)'} (sign, verify)`, USAGE)
  },
}
