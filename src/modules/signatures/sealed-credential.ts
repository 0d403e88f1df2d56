import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import type { SigningCredential } from './pkcs12.js'

const IV_BYTES = 12
const TAG_BYTES = 16
/** Binds a sealed credential to its row: one row's ciphertext cannot be moved to another owner. */
export type CredentialOwner = { official: number } | { unit: number }
const ownerLabel = (owner: CredentialOwner) => ('official' in owner ? `official:${owner.official}` : `unit:${owner.unit}`)
const aesKey = (key: Buffer) => createHash('sha256').update('motcua signing credentials\0').update(key).digest()

/** AES-256-GCM over the PKCS#12 and its password: iv ‖ tag ‖ ciphertext. */
export function sealCredential(key: Buffer, owner: CredentialOwner, credential: SigningCredential): Buffer {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', aesKey(key), iv)
  cipher.setAAD(Buffer.from(ownerLabel(owner)))
  const plain = Buffer.from(JSON.stringify({ p12: credential.p12.toString('base64'), password: credential.password }))
  const sealed = Buffer.concat([cipher.update(plain), cipher.final()])
  return Buffer.concat([iv, cipher.getAuthTag(), sealed])
}

export function openCredential(key: Buffer, owner: CredentialOwner, sealed: Buffer): SigningCredential {
  try {
    const decipher = createDecipheriv('aes-256-gcm', aesKey(key), sealed.subarray(0, IV_BYTES))
    decipher.setAAD(Buffer.from(ownerLabel(owner)))
    decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES))
    const plain = Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()])
    const { p12, password } = JSON.parse(plain.toString('utf8')) as { p12: string; password: string }
    return { p12: Buffer.from(p12, 'base64'), password }
  } catch {
    throw new AppError(ErrorCode.internal, 'credential does not open with the signing key', 'Không mở được chứng thư số đã lưu: khóa bảo vệ (MOTCUA_SIGNING_KEY) không đúng với khóa đã dùng khi đăng ký')
  }
}
