import type { Procedure } from './api.js'

const KIND: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/msword': 'Word',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
}

/** "12,5 KB": the size as vi-VN writes it. */
const size = (bytes: number) => (bytes < 1024 * 1024 ? `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(bytes / 1024)} KB` : `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`)

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
            <span className="meta">{KIND[f.media_type] ?? f.media_type}, {size(f.size_bytes)}</span>
          </li>
        ))}
      </ul>
    </>
  )
}
