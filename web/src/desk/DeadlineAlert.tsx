import { Alert, Button, Space } from 'antd'
import { DUE_SOON_WORKING_DAYS } from '../../../src/domain/dossiers/due-soon.js'
import { formatCount } from '../shared/format.js'
import { QUEUE_LABELS, type QueueName } from './desk-api.js'

/**
 * What an officer sees on landing on the desk: how many dossiers are overdue and how many are due
 * within the next working day(s) of the calendar, each a way into its queue. Nothing when neither.
 */
export function DeadlineAlert({ counts, onOpen }: { counts: Partial<Record<QueueName, number>>; onOpen: (queue: QueueName) => void }) {
  const overdue = counts.overdue ?? 0
  const dueSoon = counts.due_soon ?? 0
  if (overdue === 0 && dueSoon === 0) return null
  const within = DUE_SOON_WORKING_DAYS === 1 ? 'đến hết ngày làm việc tiếp theo' : `trong ${DUE_SOON_WORKING_DAYS} ngày làm việc tới`
  return (
    <Alert
      type={overdue > 0 ? 'error' : 'warning'}
      showIcon
      data-testid="deadline-alert"
      message={
        <Space wrap size={[16, 4]}>
          {overdue > 0 && (
            <Button type="link" danger style={{ padding: 0 }} onClick={() => onOpen('overdue')} data-testid="deadline-overdue">
              {formatCount(overdue)} hồ sơ {QUEUE_LABELS.overdue.toLocaleLowerCase('vi')}
            </Button>
          )}
          {dueSoon > 0 && (
            <Button type="link" style={{ padding: 0 }} onClick={() => onOpen('due_soon')} data-testid="deadline-due-soon">
              {formatCount(dueSoon)} hồ sơ {QUEUE_LABELS.due_soon.toLocaleLowerCase('vi')} ({within})
            </Button>
          )}
        </Space>
      }
    />
  )
}
