import { Card, Col, Empty, List, Row, Tag, Typography } from 'antd'
import type { Me } from '../shared/api.js'
import { formatDate } from '../shared/format.js'
import { useApiData } from '../shared/use-api-data.js'
import { followLink } from '../shell/navigation.js'
import { directivesApi, type TaskOccurrence } from './directives-api.js'
import { DIRECTIVES_PATH, directivePath } from './paths.js'

const SHOWN = 8

/** The dashboard's follow-up: a unit's overdue tasks and those due this week, with their reminders. */
export default function TasksPanel({ unit }: { unit: string; me?: Me }) {
  const overdue = useApiData((signal) => directivesApi.tasks({ unit, overdue: true }, signal), [unit])
  const week = useApiData((signal) => directivesApi.tasks({ unit, due_this_week: true }, signal), [unit])
  const more = `${DIRECTIVES_PATH}?unit=${encodeURIComponent(unit)}`
  return (
    <Card size="small" style={{ marginTop: 16 }} title="Nhiệm vụ được giao (Chỉ đạo, điều hành)" extra={<a href={more} onClick={(e) => followLink(e, more)}>Xem tất cả</a>}>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Typography.Title level={5} data-testid="overdue-title">
            Quá hạn, chưa nộp ({overdue.data?.items.length ?? 0})
          </Typography.Title>
          <TaskLines items={overdue.data?.items ?? []} loading={overdue.loading} empty="Không có nhiệm vụ quá hạn" testId="overdue-list" />
        </Col>
        <Col xs={24} md={12}>
          <Typography.Title level={5}>Đến hạn trong tuần ({week.data?.items.length ?? 0})</Typography.Title>
          <TaskLines items={week.data?.items ?? []} loading={week.loading} empty="Tuần này không có nhiệm vụ đến hạn" testId="due-this-week-list" />
        </Col>
      </Row>
    </Card>
  )
}

function TaskLines({ items, loading, empty, testId }: { items: TaskOccurrence[]; loading: boolean; empty: string; testId: string }) {
  // The most overdue first: the oldest due date heads the list.
  const shown = [...items].sort((a, b) => a.due_on.localeCompare(b.due_on)).slice(0, SHOWN)
  return (
    <List<TaskOccurrence>
      size="small"
      loading={loading}
      data-testid={testId}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
      dataSource={shown}
      footer={items.length > SHOWN ? <Typography.Text type="secondary">… và {items.length - SHOWN} nhiệm vụ khác</Typography.Text> : undefined}
      renderItem={(o) => (
        <List.Item data-unit={o.unit_code}>
          <div>
            <Tag color={o.overdue ? 'red' : 'gold'}>{formatDate(o.due_on)}</Tag>
            <strong>{o.unit_name}</strong>: {o.title}{' '}
            <a href={directivePath(o.directive_id)} onClick={(e) => followLink(e, directivePath(o.directive_id))}>
              ({o.directive})
            </a>
            {o.reminder && (
              <div>
                <Typography.Text type={o.reminder.kind === 'after' ? 'danger' : 'warning'} style={{ fontSize: 12 }}>
                  {o.reminder.line}
                </Typography.Text>
              </div>
            )}
          </div>
        </List.Item>
      )}
    />
  )
}
