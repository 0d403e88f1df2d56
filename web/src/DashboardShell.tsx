import { App as AntApp, ConfigProvider } from 'antd'
import viVN from 'antd/locale/vi_VN'
import dayjs from 'dayjs'
import 'dayjs/locale/vi'
import type { Me } from './api.js'
import Dashboard from './Dashboard.js'

dayjs.locale('vi')

/** Ant Design with its Vietnamese locale, and dayjs in Vietnamese (weeks start on Monday). */
export default function DashboardShell(props: { me: Me; onLoggedOut: (notice?: string) => void }) {
  return (
    <ConfigProvider locale={viVN} theme={{ token: { colorPrimary: '#b71c1c', fontFamily: "'Liberation Sans', 'Segoe UI', Roboto, Arial, sans-serif" } }}>
      <AntApp>
        <Dashboard {...props} />
      </AntApp>
    </ConfigProvider>
  )
}
