import { createHash, verify as verifySignature, X509Certificate } from 'node:crypto'
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import {
  judgeSignature, unreadableVerdict, unsignedVerdict, type SignatureVerdict, type SignerFacts,
} from '../../domain/signatures/signature-verdict.js'
import { chainProblem } from './certificate-chain.js'
import { describeCertificate } from './certificate-facts.js'

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
} as const

const HASHES: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
}

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g

/** The last signature's ByteRange (a later one covers more of an incrementally updated file). */
function lastByteRange(text: string): [number, number, number, number] | null {
  let found: [number, number, number, number] | null = null
  for (const m of text.matchAll(BYTE_RANGE)) found = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])]
  return found
}

/** The signer as the verdict names it (the certificate's bytes stay out of it). */
function signerOf(certificate: X509Certificate): SignerFacts {
  const { name, subject, issuer, serial, validFrom, validTo } = describeCertificate(certificate)
  return { name, subject, issuer, serial, validFrom, validTo }
}

function attribute(signerInfo: pkijs.SignerInfo, oid: string): asn1js.AsnType | undefined {
  return signerInfo.signedAttrs?.attributes.find((a) => a.type === oid)?.values[0]
}

function timeOf(value: asn1js.AsnType | undefined): Date | null {
  if (value instanceof asn1js.UTCTime || value instanceof asn1js.GeneralizedTime) return value.toDate()
  return null
}

/**
 * Checks the PAdES signature of a PDF: the ByteRange covers the whole file but the signature's
 * hex; the message digest is that of the ranges; the signature over the signed attributes
 * verifies with the signer's key; the signer's certificate was valid when it signed and is now,
 * and chains to an anchor. CMS is read with pkijs/asn1js, hashes and RSA/ECDSA with node:crypto.
 */
export function verifyPdfSignature(pdf: Uint8Array, anchors: readonly X509Certificate[], now = new Date()): SignatureVerdict {
  const bytes = Buffer.from(pdf)
  const text = bytes.toString('latin1')
  const range = lastByteRange(text)
  if (!range) return unsignedVerdict()
  const [a, b, c, d] = range
  const coversWholeFile = a === 0 && b > 0 && c > b && c + d === bytes.length && text[b] === '<' && text[c - 1] === '>'
  if (b <= 0 || c <= b || c > bytes.length || text[b] !== '<' || text[c - 1] !== '>') return unreadableVerdict('phạm vi ký (ByteRange) không hợp lệ')
  const signedBytes = Buffer.concat([bytes.subarray(a, a + b), bytes.subarray(c, Math.min(bytes.length, c + d))])
  const contents = Buffer.from(text.slice(b + 1, c - 1).replace(/\s/g, ''), 'hex')

  let signedData: pkijs.SignedData
  try {
    const asn1 = asn1js.fromBER(new Uint8Array(contents).buffer)
    if (asn1.offset === -1) throw new Error(asn1.result.error)
    const info = new pkijs.ContentInfo({ schema: asn1.result })
    if (info.contentType !== OID.signedData) throw new Error('not SignedData')
    signedData = new pkijs.SignedData({ schema: info.content })
  } catch {
    return unreadableVerdict('nội dung chữ ký (Contents) không phải CMS đọc được')
  }
  const signerInfo = signedData.signerInfos[0]
  const carriedCms = (signedData.certificates ?? []).filter((cert): cert is pkijs.Certificate => cert instanceof pkijs.Certificate)
  const carried = carriedCms.map((cert) => new X509Certificate(Buffer.from(cert.toSchema().toBER())))
  if (!signerInfo) return unreadableVerdict('chữ ký không có thông tin người ký (SignerInfo)')
  const hash = HASHES[signerInfo.digestAlgorithm.algorithmId]
  const signedAttributes = Buffer.from(signerInfo.signedAttrs?.encodedValue ?? new ArrayBuffer(0))
  const signature = Buffer.from(signerInfo.signature.valueBlock.valueHexView)
  const verifiesWith = (certificate: X509Certificate) => {
    try {
      return hash !== undefined && signedAttributes.length > 0 && verifySignature(hash, signedAttributes, certificate.publicKey, signature)
    } catch {
      return false
    }
  }
  // The signer named by issuer and serial (as other verifiers match it); else (a key identifier) the carried certificate whose key verifies.
  const sid = signerInfo.sid
  const named = sid instanceof pkijs.IssuerAndSerialNumber
    ? carriedCms.findIndex((cert) => cert.issuer.isEqual(sid.issuer) && cert.serialNumber.isEqual(sid.serialNumber))
    : -1
  const leaf = carried[named] ?? (sid instanceof pkijs.IssuerAndSerialNumber ? undefined : carried.find(verifiesWith))
  if (!leaf) return unreadableVerdict('chữ ký không kèm chứng thư của người ký')

  const digest = attribute(signerInfo, OID.messageDigest)
  const signedAt = timeOf(attribute(signerInfo, OID.signingTime))
  const digestMatches = hash !== undefined && digest instanceof asn1js.OctetString &&
    Buffer.from(digest.valueBlock.valueHexView).equals(createHash(hash).update(signedBytes).digest())
  const signatureVerifies = verifiesWith(leaf)
  const problem = chainProblem(leaf, carried, anchors, signedAt ?? now)
  return judgeSignature({ coversWholeFile, digestMatches, signatureVerifies, chainTrusted: problem === null, ...(problem ? { chainProblem: problem } : {}), signer: signerOf(leaf), signedAt }, now)
}
