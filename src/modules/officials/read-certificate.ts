import { X509Certificate } from 'node:crypto'
import forge from 'node-forge'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'

export interface CertificateFacts {
  der: Buffer
  serial: string
  subject: string
  issuer: string
  /** The subject's common name: the holder's name ("Nguyễn Văn An") or the unit's. */
  commonName: string | null
  /** The subject's UID attributes, as Vietnamese CAs write them ("CCCD:030201004589", "MST:…"). */
  uids: string[]
  /** The UIDs joined for display and storage, or null. */
  uid: string | null
  validFrom: Date
  validTo: Date
}

/** The largest certificate file accepted: real ones are 1–3 KB, a PKCS#12 with its chain under 20 KB. */
export const MAX_CERTIFICATE_BYTES = 64 * 1024

const UID_OID = '0.9.2342.19200300.100.1.1'
const UTF8_STRING = 12
const BMP_STRING = 30

function refused(developer: string, user: string): AppError {
  return new AppError(ErrorCode.validation, developer, user)
}

/** A forge attribute's text: UTF8String bytes decoded, BMPString as UCS-2. */
function attributeText(attribute: { value: unknown; valueTagClass?: number }): string {
  const raw = String(attribute.value)
  if (attribute.valueTagClass === UTF8_STRING) return forge.util.decodeUtf8(raw)
  if (attribute.valueTagClass === BMP_STRING) return Buffer.from(raw, 'binary').swap16().toString('utf16le')
  return raw
}

/** CN and UIDs with node-forge; for keys forge cannot read (EC), from Node's printed subject. */
function subjectNames(der: Buffer, nodeSubject: string): { commonName: string | null; uids: string[] } {
  try {
    const certificate = forge.pki.certificateFromAsn1(forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary'))))
    const attributes = certificate.subject.attributes as { type: string; value: unknown; valueTagClass?: number }[]
    const cn = attributes.find((a) => a.type === forge.pki.oids['commonName'])
    return { commonName: cn ? attributeText(cn).trim() : null, uids: attributes.filter((a) => a.type === UID_OID).map((a) => attributeText(a).trim()) }
  } catch {
    const lines = nodeSubject.split('\n')
    const value = (key: string) => lines.filter((l) => l.startsWith(`${key}=`)).map((l) => l.slice(key.length + 1).trim())
    return { commonName: value('CN')[0] ?? null, uids: value('UID') }
  }
}

/**
 * Reads a digital-signature certificate (chứng thư số), PEM or DER: who it was issued to (CN and
 * the UID with CMND/CCCD/MST), by whom, and from when to when it is valid.
 */
export function readCertificate(content: Buffer): CertificateFacts {
  if (content.length === 0 || content.length > MAX_CERTIFICATE_BYTES) {
    throw refused('bad certificate size', `Tệp chứng thư số phải có kích thước từ 1 byte đến ${MAX_CERTIFICATE_BYTES / 1024} KB`)
  }
  let certificate: X509Certificate
  try {
    certificate = new X509Certificate(content)
  } catch {
    throw refused('not an X.509 certificate', 'Tệp tải lên không phải chứng thư số hợp lệ (định dạng X.509, .cer/.crt/.pem)')
  }
  const { commonName, uids } = subjectNames(certificate.raw, certificate.subject)
  return {
    der: certificate.raw,
    serial: certificate.serialNumber,
    subject: certificate.subject.replaceAll('\n', ', '),
    issuer: certificate.issuer.replaceAll('\n', ', '),
    commonName,
    uids,
    uid: uids.length > 0 ? uids.join(', ') : null,
    validFrom: new Date(certificate.validFrom),
    validTo: new Date(certificate.validTo),
  }
}

/**
 * The holder's certificate in a PKCS#12 file (.p12/.pfx), opened with each given password in turn
 * (an empty one first: certificates are often kept without). The holder's is the one bound to the
 * private key (localKeyId); otherwise the first.
 */
export function readPkcs12Certificate(content: Buffer, passwords: readonly string[] = []): CertificateFacts {
  if (content.length === 0 || content.length > MAX_CERTIFICATE_BYTES) {
    throw refused('bad p12 size', `Tệp PKCS#12 phải có kích thước từ 1 byte đến ${MAX_CERTIFICATE_BYTES / 1024} KB`)
  }
  let asn1: forge.asn1.Asn1
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(content.toString('binary')))
  } catch {
    throw refused('not DER', 'Tệp không phải PKCS#12 hợp lệ (.p12/.pfx)')
  }
  let lastError = ''
  for (const password of ['', ...passwords]) {
    let p12: forge.pkcs12.Pkcs12Pfx
    try {
      p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, password)
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error)
      continue
    }
    const bags = p12.getBags({ bagType: forge.pki.oids['certBag']! })[forge.pki.oids['certBag']!] ?? []
    const withCertificate = bags.filter((b) => b.cert)
    const holder = withCertificate.find((b) => b.attributes['localKeyId']) ?? withCertificate[0]
    if (!holder?.cert) throw refused('p12 without certificate', 'Tệp PKCS#12 không chứa chứng thư số')
    return readCertificate(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(holder.cert)).getBytes(), 'binary'))
  }
  if (/password|MAC/i.test(lastError)) throw refused(`p12: ${lastError}`, 'Không mở được tệp PKCS#12: sai mật khẩu hoặc cần mật khẩu (dùng --password)')
  throw refused(`p12: ${lastError}`, 'Tệp không phải PKCS#12 hợp lệ (.p12/.pfx)')
}

/** A certificate file by its extension: .p12/.pfx opened as PKCS#12, the others as X.509 (PEM or DER). */
export function readCertificateFile(name: string, content: Buffer, passwords: readonly string[] = []): CertificateFacts {
  return /\.(p12|pfx)$/i.test(name) ? readPkcs12Certificate(content, passwords) : readCertificate(content)
}
