import { formatBytes } from '../../../src/domain/procedures/form-size.js'
import type { Procedure } from './api.js'

const KIND: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/msword': 'Word',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
}


/** The procedure's forms (mẫu đơn, tờ khai) to download and fill in before submitting. */
export function ProcedureForms({ forms }: { forms: Procedure['forms'] }) {
  if (forms.length === 0) return null
  return (
    <>
      <h2>Mẫu đơn, tờ khai</h2>
      <ul className="forms">
        {forms.map((f) => (
          <li key={f.code}>
            <a href={f.download_url} download={f.file_name}>Tải {f.name}</a>
            <span className="meta">{KIND[f.media_type] ?? f.media_type}, {formatBytes(f.size_bytes)}</span>
          </li>
        ))}
      </ul>
    </>
  )
}
