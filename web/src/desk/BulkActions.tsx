import { App, Button, Popconfirm, Space, Typography } from 'antd'
import { useState } from 'react'
import { DOSSIER_EVENT_LABELS } from '../../../src/domain/dossiers/dossier-event.js'
import { ApiError } from '../shared/api.js'
import { withConfirmation } from './confirm-warning.js'
import { deskApi, type QueueName } from './desk-api.js'

/** The queues whose dossiers take one step together at the counter, and that step. */
export const BULK_STEP_OF: Partial<Record<QueueName, 'hand_over' | 'return'>> = { to_hand_over: 'hand_over', finished: 'return' }

/**
 * The chosen dossiers of a queue handed over or returned together: all or none. When the server
 * refuses, each dossier it names is listed with its reason; nothing has changed.
 */
export function BulkActions({ queue, codes, onDone }: { queue: QueueName; codes: string[]; onDone: () => void }) {
  const { message, modal } = App.useApp()
  const [busy, setBusy] = useState(false)
  const step = BULK_STEP_OF[queue]
  if (!step) return null
  const label = DOSSIER_EVENT_LABELS[step]

  const run = async () => {
    setBusy(true)
    try {
      const answer = await withConfirmation(modal, (confirmed) => deskApi.bulkStep(step, codes, confirmed), 'Hồ sơ chưa nộp phí, lệ phí')
      if (answer === null) return
      void message.success(`Đã ${label.toLocaleLowerCase('vi')} ${answer.done.length} hồ sơ`)
      onDone()
    } catch (e) {
      const details = e instanceof ApiError ? e.details.filter((d) => d.value) : []
      modal.error({
        title: `Chưa ${label.toLocaleLowerCase('vi')}: không hồ sơ nào được thay đổi`,
        content: details.length ? (
          <ul data-testid="bulk-reasons">
            {details.map((d) => (
              <li key={d.value}>
                <strong>{d.value}</strong>: {d.reason}
              </li>
            ))}
          </ul>
        ) : (
          (e as Error).message
        ),
      })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Space wrap>
      <Typography.Text type="secondary">Đã chọn {codes.length} hồ sơ</Typography.Text>
      <Popconfirm title={`${label} ${codes.length} hồ sơ đã chọn?`} description="Thực hiện cho tất cả hoặc không hồ sơ nào." okText="Đồng ý" cancelText="Không" onConfirm={() => run()} disabled={codes.length === 0}>
        <Button type="primary" disabled={codes.length === 0} loading={busy} data-testid="bulk-step">
          {label} các hồ sơ đã chọn
        </Button>
      </Popconfirm>
    </Space>
  )
}
