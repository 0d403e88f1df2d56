import { Tag, Tooltip } from 'antd'
import { formatDateTime } from '../shared/format.js'
import type { FileSignature } from './signatures-api.js'

const COLORS: Record<string, string> = { valid: 'green', changed: 'red', untrusted: 'orange', expired: 'volcano', unsigned: 'default' }
const SHORT: Record<string, string> = { valid: 'Chữ ký hợp lệ', changed: 'Bị thay đổi sau khi ký', untrusted: 'Chữ ký không tin cậy', expired: 'Chứng thư hết hạn', unsigned: 'Chưa ký số' }

/** The verdict on a file's signature, checked when it was uploaded: the tag, and who signed and when on hover. */
export function SignatureTag({ signature, testId }: { signature: FileSignature | null; testId?: string }) {
  if (!signature) return null
  const who = signature.signer_name ? `${signature.signer_name}${signature.signed_at ? `, ${formatDateTime(signature.signed_at)}` : ''}` : null
  return (
    <Tooltip title={signature.reason}>
      <Tag color={COLORS[signature.status] ?? 'default'} data-testid={testId} data-signature={signature.status}>
        {SHORT[signature.status] ?? signature.label}
        {who && signature.status !== 'unsigned' ? ` — ${who}` : ''}
      </Tag>
    </Tooltip>
  )
}
