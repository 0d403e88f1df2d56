import { Typography } from 'antd'
import { DESK_PATH, followLink } from '../shell/navigation.js'

/** The way back to the queues and the page's title: every desk page but the queues starts so. */
export function DeskPageHeader({ title }: { title: string }) {
  return (
    <div>
      <BackToQueues />
      <Typography.Title level={2} style={{ margin: '4px 0 0' }}>
        {title}
      </Typography.Title>
    </div>
  )
}

export function BackToQueues() {
  return (
    <a href={DESK_PATH} onClick={(e) => followLink(e, DESK_PATH)}>
      ← Hàng đợi hồ sơ
    </a>
  )
}
