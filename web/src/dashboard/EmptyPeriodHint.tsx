import { Alert, Button, Space } from 'antd'
import dayjs from 'dayjs'
import { request } from '../shared/api.js'
import { useApiData } from '../shared/use-api-data.js'
import { describeMonths, monthLabel } from './data-months.js'
import { periodAround, type Period } from './periods.js'

/** The most recent months offered as one click each. */
const SHOWN = 6

/** An empty period says which months have data, and opens the latest ones in one click. */
export function EmptyPeriodHint({ unit, onPick }: { unit: string; onPick: (period: Period) => void }) {
  const { data } = useApiData((signal) => request<{ months: string[] }>('GET', '/api/v1/indicators/months', { query: { unit }, signal }), [unit])
  const months = data?.months ?? []
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="empty-period"
      message="Kỳ này đơn vị không phát sinh hồ sơ nào. Hãy chọn kỳ khác."
      description={
        data &&
        (months.length === 0 ? (
          'Đơn vị chưa có dữ liệu hồ sơ ở tháng nào.'
        ) : (
          <Space orientation="vertical" size={4}>
            <span data-testid="months-with-data">Có dữ liệu: {describeMonths(months)}.</span>
            <Space wrap size={4}>
              {months.slice(-SHOWN).map((month) => (
                <Button key={month} size="small" onClick={() => onPick(periodAround('month', dayjs(`${month}-01`)))}>
                  Tháng {monthLabel(month)}
                </Button>
              ))}
            </Space>
          </Space>
        ))
      }
    />
  )
}
