/**
 * What a check of a signed PDF concludes, in the words the dossier page and `pdf verify` use.
 * `changed`: a byte outside the signature differs from what was signed (or the signature itself
 * does not verify); `untrusted`: intact, but the signer's certificate does not chain to a trust
 * anchor; `expired`: the certificate was not valid when it signed or is no longer valid now.
 */
export const SignatureStatus = {
  valid: 'valid',
  changed: 'changed',
  untrusted: 'untrusted',
  expired: 'expired',
  unsigned: 'unsigned',
} as const
export type SignatureStatus = (typeof SignatureStatus)[keyof typeof SignatureStatus]
export const SIGNATURE_STATUSES = Object.values(SignatureStatus) as readonly SignatureStatus[]

export const SIGNATURE_STATUS_LABELS: Record<SignatureStatus, string> = {
  valid: 'Chữ ký số hợp lệ',
  changed: 'Tài liệu đã bị thay đổi sau khi ký',
  untrusted: 'Chứng thư số không do tổ chức được tin cậy cấp',
  expired: 'Chứng thư số đã hết hạn',
  unsigned: 'Tài liệu không có chữ ký số',
}

/** The signer as its certificate names it. */
export interface SignerFacts {
  name: string
  subject: string
  issuer: string
  serial: string
  validFrom: Date
  validTo: Date
}

export interface SignatureVerdict {
  status: SignatureStatus
  /** Why, in Vietnamese: the label and the detail that decided it. */
  reason: string
  signer: SignerFacts | null
  /** The time the signer claims (the signingTime attribute); no timestamp authority vouches for it. */
  signedAt: Date | null
}

/** What was found in the file, before judging. */
export interface SignatureFacts {
  /** The ByteRange covers the whole file but the signature's own hex. */
  coversWholeFile: boolean
  /** The message digest in the signature equals the digest of the ranges. */
  digestMatches: boolean
  /** The signature over the signed attributes verifies with the signer's public key. */
  signatureVerifies: boolean
  /** The signer's certificate chains to one of the trust anchors. */
  chainTrusted: boolean
  /** Why the chain failed, when it did (for the reason). */
  chainProblem?: string
  signer: SignerFacts
  signedAt: Date | null
}

function inValidity(signer: SignerFacts, at: Date): boolean {
  return at.getTime() >= signer.validFrom.getTime() && at.getTime() <= signer.validTo.getTime()
}

const dateTime = (d: Date) => formatSigningTime(d)

/**
 * The verdict, in order of gravity: a file changed after signing is `changed` whatever its
 * certificate; then validity (at signing time and now: without a timestamp authority the claimed
 * time alone is not enough); then trust.
 */
export function judgeSignature(facts: SignatureFacts, now: Date): SignatureVerdict {
  const base = { signer: facts.signer, signedAt: facts.signedAt }
  const verdict = (status: SignatureStatus, detail: string): SignatureVerdict => ({ status, reason: `${SIGNATURE_STATUS_LABELS[status]}: ${detail}`, ...base })
  if (!facts.coversWholeFile) return verdict('changed', 'phạm vi ký (ByteRange) không bao trùm toàn bộ tệp — có nội dung được thêm hoặc sửa sau khi ký')
  if (!facts.digestMatches) return verdict('changed', 'giá trị băm của nội dung không khớp với giá trị đã ký')
  if (!facts.signatureVerifies) return verdict('changed', 'chữ ký không khớp với khóa công khai của chứng thư số')
  const validity = `hiệu lực ${dateTime(facts.signer.validFrom)} – ${dateTime(facts.signer.validTo)}`
  if (facts.signedAt && !inValidity(facts.signer, facts.signedAt)) return verdict('expired', `ký lúc ${dateTime(facts.signedAt)}, ngoài thời hạn chứng thư (${validity})`)
  if (!inValidity(facts.signer, now)) return verdict('expired', `chứng thư không còn hiệu lực (${validity})`)
  if (!facts.chainTrusted) return verdict('untrusted', facts.chainProblem ?? `tổ chức cấp "${facts.signer.issuer}" không nằm trong danh sách tin cậy`)
  return verdict('valid', `ký bởi ${facts.signer.name}${facts.signedAt ? ` lúc ${dateTime(facts.signedAt)}` : ''}`)
}

/** A file with no signature at all. */
export function unsignedVerdict(detail = 'không tìm thấy chữ ký số (ByteRange, Contents) trong tệp'): SignatureVerdict {
  return { status: 'unsigned', reason: `${SIGNATURE_STATUS_LABELS.unsigned}: ${detail}`, signer: null, signedAt: null }
}

/** A signature present but unreadable is treated as changed: nothing in it can be trusted. */
export function unreadableVerdict(detail: string): SignatureVerdict {
  return { status: 'changed', reason: `${SIGNATURE_STATUS_LABELS.changed}: ${detail}`, signer: null, signedAt: null }
}

const pad = (n: number) => String(n).padStart(2, '0')

/** "15/09/2022 14:05" in Vietnam time (UTC+7), as the visible stamp writes it. */
export function formatSigningTime(instant: Date): string {
  const v = new Date(instant.getTime() + 7 * 3_600_000)
  return `${pad(v.getUTCDate())}/${pad(v.getUTCMonth() + 1)}/${v.getUTCFullYear()} ${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}`
}

/** The visible stamp's lines, as on a signed letter (seed 004): "Ký bởi: …", "Thời gian ký: …". */
export function stampLines(signerName: string, signedAt: Date): [string, string] {
  return [`Ký bởi: ${signerName}`, `Thời gian ký: ${formatSigningTime(signedAt)}`]
}
