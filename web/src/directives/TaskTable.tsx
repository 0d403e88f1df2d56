import { Empty, Table, Tag, Typography } from 'antd'
import type { Me } from '../shared/api.js'
import { formatDate, formatDateTime } from '../shared/format.js'
import { LateEntryTag } from '../shared/LateEntryTag.js'
import { followLink } from '../shell/navigation.js'
import { directivePath } from './paths.js'
import { STATE_COLORS, TIMELINESS_COLORS, type TaskOccurrence } from './directives-api.js'
import { TaskActions } from './TaskActions.js'

interface Props {
  items: TaskOccurrence[]
  me: Me
  loading?: boolean
  /** Show the directive's number (lists across directives). */
  withDirective?: boolean
  empty: string
  onChanged: (item: TaskOccurrence) => void
}

/** Occurrences of tasks: who owes what by when, where it stands, the reminder, and the actions allowed. */
export function TaskTable({ items, me, loading = false, withDirective = false, empty, onChanged }: Props) {
  return (
    <Table<TaskOccurrence>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={items}
      scroll={{ x: 1000 }}
      pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      locale={{ emptyText: <Empty description={empty} /> }}
      onRow={(o) => ({ 'data-task': `${o.unit_code}|${o.period}`, 'data-occurrence': o.id }) as React.HTMLAttributes<HTMLElement>}
      expandable={{
        rowExpandable: (o) => o.submissions.length > 0,
        expandedRowRender: (o) => (
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {o.submissions.map((s) => (
              <li key={s.id}>
                Nộp {formatDateTime(s.submitted_at)} ({s.submitted_by}){s.note ? `: ${s.note}` : ''}
                {s.late_entry && <LateEntryTag entries={[s.late_entry]} />}
                {s.has_file && (
                  <>
                    {' '}
                    <a href={`/api/v1/tasks/${o.id}/submissions/${s.id}/file`}>{s.file_name}</a>
                  </>
                )}
                {s.verdict === 'accepted' && <Tag color="green" style={{ marginLeft: 8 }}>Chấp nhận {formatDateTime(s.verdict_at)}</Tag>}
                {s.verdict === 'returned' && <Tag color="volcano" style={{ marginLeft: 8 }}>Trả lại: {s.verdict_reason}</Tag>}
              </li>
            ))}
          </ul>
        ),
      }}
      columns={[
        { title: 'Đơn vị thực hiện', dataIndex: 'unit_name', width: 170 },
        {
          title: 'Nhiệm vụ',
          key: 'title',
          render: (_, o) => (
            <>
              <div>{o.title}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {withDirective && (
                  <a href={directivePath(o.directive_id)} onClick={(e) => followLink(e, directivePath(o.directive_id))}>
                    {o.directive}
                  </a>
                )}
                {withDirective ? ' · ' : ''}
                {o.recurrence_label}; theo dõi: {o.monitor_name}
              </Typography.Text>
              {o.reminder && (
                <div>
                  <Typography.Text type={o.reminder.kind === 'after' ? 'danger' : 'warning'} style={{ fontSize: 12 }} data-testid="task-reminder">
                    {o.reminder.line}
                  </Typography.Text>
                </div>
              )}
            </>
          ),
        },
        { title: 'Hạn', dataIndex: 'due_on', width: 100, render: (d: string) => formatDate(d) },
        {
          title: 'Tình trạng',
          key: 'state',
          width: 200,
          render: (_, o) => (
            <>
              <Tag color={STATE_COLORS[o.state]} data-testid="task-state">{o.state_label}</Tag>
              <Tag color={TIMELINESS_COLORS[o.timeliness]} data-testid="task-timeliness">{o.timeliness_label}</Tag>
            </>
          ),
        },
        { title: '', key: 'actions', width: 190, render: (_, o) => <TaskActions item={o} me={me} onChanged={onChanged} /> },
      ]}
    />
  )
}
