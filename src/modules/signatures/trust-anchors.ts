import { X509Certificate } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g
const CERTIFICATE_FILE = /\.(pem|crt|cer|der)$/i

/** Every certificate in a file: PEM blocks (one or more) or one DER certificate. */
function certificatesInFile(path: string): X509Certificate[] {
  const bytes = readFileSync(path)
  const text = bytes.toString('latin1')
  try {
    const blocks = text.match(PEM_BLOCK)
    return blocks ? blocks.map((pem) => new X509Certificate(pem)) : [new X509Certificate(bytes)]
  } catch {
    throw new AppError(ErrorCode.validation, `bad trust anchor ${path}`, `Tệp chứng thư gốc tin cậy không đọc được: ${path}`)
  }
}

/**
 * The trust anchors: the root (and intermediate) CA certificates a signature must chain to. Each
 * path is a certificate file (PEM, possibly several, or DER) or a folder of them. Nothing is
 * fetched: Vietnam's national roots are installed by the operator (docs/SECURITY.md).
 */
export function loadTrustAnchors(paths: readonly string[]): X509Certificate[] {
  return paths.flatMap((path) => {
    if (!existsSync(path)) throw new AppError(ErrorCode.validation, `no trust anchor ${path}`, `Không tìm thấy chứng thư gốc tin cậy: ${path}`)
    if (!statSync(path).isDirectory()) return certificatesInFile(path)
    return readdirSync(path).filter((name) => CERTIFICATE_FILE.test(name)).sort().flatMap((name) => certificatesInFile(join(path, name)))
  })
}

/** Where the server looks by default: `<data>/trust-anchors/` (MOTCUA_TRUST_ANCHORS lists others). */
export function defaultTrustAnchorPaths(dataDir: string, configured: readonly string[]): string[] {
  if (configured.length > 0) return [...configured]
  const folder = join(dataDir, 'trust-anchors')
  return existsSync(folder) ? [folder] : []
}
