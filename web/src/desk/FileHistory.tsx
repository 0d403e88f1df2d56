import { Card, List, Typography } from 'antd'
import { formatDateTime } from '../shared/format.js'
import { useApiData } from '../shared/use-api-data.js'
import { deskApi, type DossierDetails } from './desk-api.js'

/** The files replaced on a dossier: the old one stays, with who replaced it, when and why. Shown only when there is one. */
export function FileHistory({ dossier }: { dossier: DossierDetails }) {
  // Reloaded whenever a file of the dossier changes.
  const files = [...dossier.components.map((c) => c.file?.uploaded_at ?? ''), dossier.result_file?.uploaded_at ?? ''].join('|')
  const { data } = useApiData((signal) => deskApi.fileHistory(dossier.code, signal), [dossier.code, files])
  if (!data || data.length === 0) return null
  const what = (position: number | null) =>
    position === null ? 'Kết quả giải quyết' : `Thành phần ${position}: ${dossier.components.find((c) => c.position === position)?.name ?? ''}`
  return (
    <Card size="small" title="Lịch sử thay tệp số hóa" style={{ marginTop: 12 }} data-testid="file-history">
      <List
        size="small"
        dataSource={data}
        renderItem={(r) => (
          <List.Item>
            <div>
              <strong>{what(r.position)}</strong> — tệp cũ “<a href={deskApi.replacedFileUrl(dossier.code, r.id)}>{r.old_file.name}</a>” (tải lên {formatDateTime(r.old_file.uploaded_at)}) được thay bằng “{r.new_file_name}”
              <div>
                <Typography.Text type="secondary">
                  {r.replaced_by_name ?? r.replaced_by}, {formatDateTime(r.replaced_at)}
                  {r.reason ? ` · Lý do: ${r.reason}` : ''}
                </Typography.Text>
              </div>
            </div>
          </List.Item>
        )}
      />
    </Card>
  )
}
