import { PrinterOutlined } from '@ant-design/icons'
import { Button, Result, Skeleton } from 'antd'
import { useEffect } from 'react'
import { formatDate } from '../shared/format.js'
import { useApiData } from '../shared/use-api-data.js'
import { followLink, OFFICIALS_PATH } from '../shell/navigation.js'
import { officialsApi, REGISTRY_LIST_TITLES, type RegistryList } from './officials-api.js'

/** A list of the registry on an A4 page, for the browser's Print (Ctrl+P); the toolbar does not print. */
export default function RegistryListPrint({ list, unit }: { list: RegistryList; unit: string }) {
  const { data, error } = useApiData((signal) => officialsApi.registryList(list, unit, signal), [list, unit])
  useEffect(() => {
    document.title = REGISTRY_LIST_TITLES[list]
  }, [list])
  const back = `${OFFICIALS_PATH}?unit=${encodeURIComponent(unit)}`
  if (error) return <Result status="warning" title="Không tải được danh sách" subTitle={error.message} />
  if (!data) return <Skeleton active style={{ padding: 24 }} />
  return (
    <>
      <div className="print-toolbar">
        <a href={back} onClick={(e) => followLink(e, back)}>
          ← Danh sách cán bộ
        </a>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          In
        </Button>
        <Button href={officialsApi.listXlsxUrl(list, unit)}>Tải XLSX</Button>
      </div>
      <article className="paper" data-testid="printed-list" aria-label={data.title}>
        <h1>{data.title}</h1>
        <p className="subtitle">
          {data.unit_name} — ngày {formatDate(data.on)}
        </p>
        <table>
          <thead>
            <tr>
              <th>STT</th>
              <th>Đơn vị</th>
              <th>Họ và tên</th>
              <th>Chức vụ</th>
              <th>Tài khoản DVC</th>
              <th>Chữ ký số</th>
              <th>Hết hạn</th>
              <th>Ghi chú</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r, i) => (
              <tr key={r.id}>
                <td>{i + 1}</td>
                <td>{r.unit_name}</td>
                <td>{r.full_name}</td>
                <td>{r.position ?? ''}</td>
                <td>{r.national_portal_account ?? ''}</td>
                <td>{r.certificate_stage}</td>
                <td>{r.certificate_valid_to ?? ''}</td>
                <td>{r.note}</td>
              </tr>
            ))}
            {data.rows.length === 0 && (
              <tr>
                <td colSpan={8} style={{ textAlign: 'center', fontStyle: 'italic' }}>
                  Không có cán bộ nào trong danh sách này
                </td>
              </tr>
            )}
          </tbody>
        </table>
        <p>Tổng số: {data.rows.length} người.</p>
      </article>
    </>
  )
}
