import { KeyOutlined, LogoutOutlined } from '@ant-design/icons'
import { App as AntApp, Button, ConfigProvider, Layout, Skeleton, Space, Typography } from 'antd'
import viVN from 'antd/locale/vi_VN'
import dayjs from 'dayjs'
import 'dayjs/locale/vi'
import { Suspense, useEffect, useState } from 'react'
import { api, type Me } from '../shared/api.js'
import { DESK_PATH, followLink, navigate, usePathname } from './navigation.js'
import { FEATURES, matchRoute } from './routes.js'
import { forgetVisibleUnits } from '../shared/UnitPicker.js'
import { ChangePasswordModal } from './ChangePasswordModal.js'

dayjs.locale('vi')

interface Props {
  me: Me
  onLoggedOut: (notice?: string) => void
}

/** Ant Design in Vietnamese, the header with the sections the user's role may open, and the page of the address. */
export default function ConsoleShell(props: Props) {
  return (
    <ConfigProvider locale={viVN} theme={{ token: { colorPrimary: '#b71c1c', fontFamily: "'Liberation Sans', 'Segoe UI', Roboto, Arial, sans-serif" } }}>
      <AntApp>
        <Console {...props} />
      </AntApp>
    </ConfigProvider>
  )
}

function Console({ me, onLoggedOut }: Props) {
  const { message } = AntApp.useApp()
  // The console closes at logout (or an expired session): the next user loads their own units.
  useEffect(() => forgetVisibleUnits, [])
  const pathname = usePathname()
  const route = matchRoute(pathname)
  const [changingPassword, setChangingPassword] = useState(false)

  // An officer's work is the desk: "/" with no view in the address opens it (decided before the dashboard mounts and writes its view).
  const toDesk = route.section === 'dashboard' && pathname === '/' && !window.location.search && isDeskFirst(me)
  useEffect(() => {
    if (toDesk) navigate(DESK_PATH, { replace: true })
  }, [toDesk])

  const logout = async () => {
    try {
      await api.logout()
    } catch (e) {
      void message.error((e as Error).message)
    }
    window.history.replaceState(null, '', '/')
    onLoggedOut('Bạn đã đăng xuất.')
  }

  const sections = FEATURES.filter((f) => me.permissions.includes(f.permission))
  const context = { me, onLoggedOut }
  const content = route.page ? route.page.render(context) : <NotFound />

  if (route.page?.bare) {
    return <Suspense fallback={<Skeleton active />}>{content}</Suspense>
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#noi-dung">
        Bỏ qua, đến nội dung chính
      </a>
      <Layout.Header className="console-header no-print">
        <Typography.Title level={3} style={{ margin: 0, color: '#b71c1c', whiteSpace: 'nowrap' }}>
          Cải cách hành chính
        </Typography.Title>
        <nav aria-label="Các phần" style={{ flex: 1, minWidth: 240 }}>
          <ul className="console-sections">
            {sections.map((s) => (
              <li key={s.key}>
                <a href={s.path} onClick={(e) => followLink(e, s.path)} aria-current={route.section === s.key ? 'page' : undefined}>
                  {s.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <Space wrap>
          <Typography.Text className="console-user">
            {me.username} — {me.role_label ?? 'Mã truy cập'}, {me.unit_name}
          </Typography.Text>
          {me.role_label ? (
            <Button icon={<KeyOutlined />} onClick={() => setChangingPassword(true)}>
              Đổi mật khẩu
            </Button>
          ) : null}
          <Button icon={<LogoutOutlined />} onClick={logout}>
            Đăng xuất
          </Button>
        </Space>
        {changingPassword ? <ChangePasswordModal onClose={() => setChangingPassword(false)} /> : null}
      </Layout.Header>
      <Layout.Content id="noi-dung" style={{ padding: 24, maxWidth: 1600, width: '100%', margin: '0 auto', boxSizing: 'border-box' }}>
        <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>{toDesk ? null : content}</Suspense>
      </Layout.Content>
    </Layout>
  )
}

function isDeskFirst(me: Me): boolean {
  return me.role === 'officer' || me.role === 'specialist'
}

function NotFound() {
  return (
    <div role="alert">
      <Typography.Title level={2}>Không có trang này</Typography.Title>
      <a href="/" onClick={(e) => followLink(e, '/')}>
        Về trang đầu
      </a>
    </div>
  )
}
