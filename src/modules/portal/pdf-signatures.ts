import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'

/** One signature of a PDF: the byte ranges it covers and its CMS (PKCS#7) container. */
interface PdfSignature {
  byteRange: [number, number, number, number]
  contents: Uint8Array
}

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g

function signaturesOf(bytes: Uint8Array): PdfSignature[] | string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
  const found: PdfSignature[] = []
  for (const match of text.matchAll(BYTE_RANGE)) {
    const byteRange = match.slice(1, 5).map(Number) as [number, number, number, number]
    const [start, first, second, length] = byteRange
    if (start !== 0 || first <= 0 || second <= first || second + length > bytes.length) return 'vùng dữ liệu được ký (ByteRange) không hợp lệ'
    const hex = text.slice(first, second)
    if (!/^<[0-9A-Fa-f]*>$/.test(hex)) return 'nội dung chữ ký (Contents) không hợp lệ'
    found.push({ byteRange, contents: Buffer.from(hex.slice(1, -1), 'hex') })
  }
  return found
}

async function verifies(bytes: Uint8Array, signature: PdfSignature): Promise<boolean> {
  const [start, first, second, length] = signature.byteRange
  const signed = Buffer.concat([bytes.subarray(start, start + first), bytes.subarray(second, second + length)])
  try {
    const parsed = asn1js.fromBER(new Uint8Array(signature.contents).buffer)
    if (parsed.offset === -1) return false
    const content = new pkijs.ContentInfo({ schema: parsed.result })
    const signedData = new pkijs.SignedData({ schema: content.content })
    return await signedData.verify({ signer: 0, data: new Uint8Array(signed).buffer, checkChain: false })
  } catch {
    return false
  }
}

/**
 * Why a PDF's digital signatures do not hold, in Vietnamese; null when it has none or every one
 * verifies: each CMS signature checked against the bytes it covers (the signer's key and the
 * document's digest), and the last one must cover the whole file (nothing added after signing).
 * Whether the signer's certificate is trusted is the desk's question, not the upload's.
 */
export async function pdfSignatureProblem(bytes: Uint8Array): Promise<string | null> {
  const signatures = signaturesOf(bytes)
  if (typeof signatures === 'string') return `chữ ký số không đọc được: ${signatures}`
  if (signatures.length === 0) return null
  for (const [i, signature] of signatures.entries()) {
    if (!(await verifies(bytes, signature))) return signatures.length === 1 ? 'chữ ký số không hợp lệ: tệp đã bị sửa sau khi ký hoặc chữ ký bị hỏng' : `chữ ký số thứ ${i + 1} không hợp lệ: tệp đã bị sửa sau khi ký hoặc chữ ký bị hỏng`
  }
  const last = signatures.reduce((a, b) => (a.byteRange[2] + a.byteRange[3] >= b.byteRange[2] + b.byteRange[3] ? a : b))
  if (last.byteRange[2] + last.byteRange[3] !== bytes.length) return 'tệp đã được thêm nội dung sau chữ ký số cuối cùng'
  return null
}
