import { Breadcrumb, Button, Card, Checkbox, DatePicker, Result, Select, Skeleton, Space, Typography } from 'antd'
import { StuckDossiers } from '../desk/StuckDossiers.js'
import dayjs, { type Dayjs } from 'dayjs'
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import { api, ApiError, type Me, type TableRow, type TreeBasis, type Unit } from '../shared/api.js'
import type { DrillRequest, FigurePart } from './DossiersDrawer.js'
import { formatDate, formatPeriod } from '../shared/format.js'
import { IndicatorCards } from './IndicatorCards.js'
import { INDICATORS, RATE_INDICATORS, type IndicatorId } from '../shared/labels.js'
import { describePeriodKind, isIsoDate, PERIOD_KIND_LABELS, periodAround, presets, seriesRange, type Period, type PeriodKind } from './periods.js'
import { ReportDownloads } from './ReportDownloads.js'
import { UnitPicker, useUnitsAsOf, useVisibleUnits } from '../shared/UnitPicker.js'
import { useApiData } from '../shared/use-api-data.js'
import { typedDateProps } from '../shared/typed-dates.js'
import { EmptyPeriodHint } from './EmptyPeriodHint.js'
import { AttributionSwitch } from '../shared/AttributionSwitch.js'
import { attributionParam, readAttribution, type Attribution } from '../shared/figure-basis.js'

// ECharts is the heaviest part of the page: loaded when the chart is first drawn.
const TrendChart = lazy(() => import('./TrendChart.js'))
// Below the cards, or only on a click: each comes after the first screen, in a chunk of its own.
const ChildrenTable = lazy(() => import('./ChildrenTable.js').then((m) => ({ default: m.ChildrenTable })))
const ThresholdLists = lazy(() => import('./ThresholdLists.js').then((m) => ({ default: m.ThresholdLists })))
const DossiersDrawer = lazy(() => import('./DossiersDrawer.js').then((m) => ({ default: m.DossiersDrawer })))
// The follow-up of directives' tasks: the directives feature's own panel, in its chunk.
const TasksPanel = lazy(() => import('../directives/TasksPanel.js'))

interface Props {
  me: Me
  onLoggedOut: (notice?: string) => void
}

interface View {
  unit: string
  period: Period
  /** Which units the children are: those of the period's last day (default) or today's. */
  tree: TreeBasis
  /** Where processing and lateness count: the receiving unit (default) or the deciding one. */
  by: Attribution
}

/** Today in Vietnam (UTC+7), the day of "theo đơn vị hiện nay". */
function todayInVietnam(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10)
}

const KINDS: PeriodKind[] = ['week', 'month', 'quarter', 'year', 'custom']

/** The view is in the address: a leader can bookmark it, send it, and the Back button goes up a level. */
function readView(me: Me): View {
  const params = new URLSearchParams(window.location.search)
  const unit = params.get('unit') || me.unit_code
  const from = params.get('from')
  const to = params.get('to')
  const kind = (params.get('kind') as PeriodKind | null) ?? 'custom'
  const tree: TreeBasis = params.get('tree') === 'current' ? 'current' : 'period'
  const by = readAttribution(params)
  if (isIsoDate(from) && isIsoDate(to) && from <= to) return { unit, period: { kind: KINDS.includes(kind) ? kind : 'custom', from, to }, tree, by }
  return { unit, period: presets().find((p) => p.label === 'Tháng trước')!.period, tree, by }
}

function writeView(view: View, mode: 'push' | 'replace'): void {
  const params = new URLSearchParams({ unit: view.unit, from: view.period.from, to: view.period.to, kind: view.period.kind, ...(view.tree === 'current' ? { tree: 'current' } : {}), ...attributionParam(view.by) })
  const url = `${window.location.pathname}?${params.toString()}`
  if (url === `${window.location.pathname}${window.location.search}`) return
  if (mode === 'push') window.history.pushState(null, '', url)
  else window.history.replaceState(null, '', url)
}

export default function Dashboard({ me, onLoggedOut }: Props) {
  const [view, setView] = useState<View>(() => readView(me))
  // The same list the other pages use, loaded once per visit.
  const units = useVisibleUnits()
  const [focus, setFocus] = useState<IndicatorId>('dossier_digitization_rate')
  const [drill, setDrill] = useState<DrillRequest | null>(null)

  const go = useCallback((next: View, mode: 'push' | 'replace' = 'push') => {
    writeView(next, mode)
    setView(next)
  }, [])

  useEffect(() => {
    writeView(view, 'replace')
    const onPop = () => setView(readView(me))
    window.addEventListener('popstate', onPop)
    return () => window.removeEventListener('popstate', onPop)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const { data: table, error, loading } = useApiData(
    (signal) =>
      api.indicators({ unit: view.unit, from: view.period.from, to: view.period.to, children: true, tree: view.tree, by: view.by }, signal).catch((e: unknown) => {
        if (!signal.aborted && e instanceof ApiError && e.status === 401) onLoggedOut('Phiên làm việc đã hết hạn, vui lòng đăng nhập lại.')
        throw e
      }),
    [view, onLoggedOut],
  )

  // The picker shows the tree of the day the figures are listed by: 2022's communes for 2022.
  const treeDay = view.tree === 'current' ? todayInVietnam() : view.period.to
  const treeUnits = useUnitsAsOf(treeDay)
  const unitByCode = useMemo(() => new Map(units.map((u) => [u.code, u])), [units])

  /** From the caller's own unit down to the one shown. */
  const trail = useMemo(() => {
    const path: Unit[] = []
    let current = unitByCode.get(view.unit)
    while (current) {
      path.unshift(current)
      current = current.parent_code ? unitByCode.get(current.parent_code) : undefined
    }
    return path
  }, [unitByCode, view.unit])

  const total = table?.rows[0]
  const own = table?.rows.find((r, i) => i > 0 && r.scope === 'own' && r.unit_code === total?.unit_code)
  const children = table ? table.rows.filter((r) => r !== total) : []
  const periodText = formatPeriod(view.period.from, view.period.to)
  const range = seriesRange(view.period)
  const focusTarget = total?.indicators[focus]?.target?.minimum ?? own?.indicators[focus]?.target?.minimum ?? null

  const openDrill = (row: TableRow, indicator: IndicatorId, part: FigurePart, scope: 'own' | 'subtree' = row.scope) =>
    setDrill({ unitCode: row.unit_code, unitName: row.unit_name, scope, indicator, part, from: view.period.from, to: view.period.to, by: view.by })

  return (
    <>
        <Card size="small" style={{ marginBottom: 16 }}>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'flex-end' }}>
            <Field label="Đơn vị" htmlFor="chon-don-vi">
              <UnitPicker id="chon-don-vi" units={treeUnits ?? units} value={view.unit} expanded={me.unit_code} onChange={(code) => go({ ...view, unit: code })} />
            </Field>
            <PeriodControls period={view.period} onChange={(period) => go({ ...view, period }, 'replace')} />
            <Field label={`Cây đơn vị ngày ${formatDate(treeDay)}`} htmlFor="theo-don-vi-hien-nay">
              <Checkbox id="theo-don-vi-hien-nay" checked={view.tree === 'current'} onChange={(e) => go({ ...view, tree: e.target.checked ? 'current' : 'period' }, 'replace')}>
                Theo đơn vị hiện nay
              </Checkbox>
            </Field>
            <AttributionSwitch name="tinh-theo-don-vi" value={view.by} onChange={(by) => go({ ...view, by }, 'replace')} />
          </div>
        </Card>

        <Breadcrumb
          style={{ marginBottom: 12 }}
          items={trail.map((u, i) => ({
            key: u.code,
            title:
              i === trail.length - 1 ? (
                <span aria-current="page">{u.name}</span>
              ) : (
                <a href={`?unit=${u.code}`} onClick={(e) => (e.preventDefault(), go({ ...view, unit: u.code }))}>
                  {u.name}
                </a>
              ),
          }))}
        />

        {error ? (
          <Result
            status={error instanceof ApiError && error.status === 404 ? '404' : 'warning'}
            title={error instanceof ApiError && error.status === 404 ? 'Không tìm thấy' : 'Không tải được số liệu'}
            subTitle={<span data-testid="dashboard-error">{error.message}</span>}
            extra={
              <Button type="primary" onClick={() => go({ ...view, unit: me.unit_code })}>
                Về {me.unit_name}
              </Button>
            }
          />
        ) : loading && !table ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : total ? (
          <div style={{ opacity: loading ? 0.6 : 1, transition: 'opacity 0.2s' }} aria-busy={loading}>
            <Space orientation="vertical" size={4} style={{ marginBottom: 12 }}>
              <Typography.Title level={2} style={{ margin: 0 }} data-testid="dashboard-title">
                {total.unit_name}
              </Typography.Title>
              <Typography.Text type="secondary">
                {describePeriodKind(view.period) ? `${describePeriodKind(view.period)}: ` : 'Kỳ: '}
                {periodText}; so với kỳ trước {table ? formatPeriod(table.previous.from, table.previous.to) : ''}
              </Typography.Text>
              <ReportDownloads unit={view.unit} from={view.period.from} to={view.period.to} canRecordLetter={me.permissions.includes('directives:write')} />
            </Space>
            {total.indicators.received?.value === 0 && <EmptyPeriodHint unit={view.unit} onPick={(period) => go({ ...view, period })} />}
            <StuckDossiers unit={view.unit} />
            <IndicatorCards total={total} own={own} onDrill={(indicator, part, scope) => openDrill(scope === 'own' && own ? own : total, indicator, part, scope)} />

            <Card style={{ marginTop: 16 }} size="small">
              <Space wrap style={{ marginBottom: 8 }}>
                <Field label="Chỉ số phân tích" htmlFor="chon-chi-so">
                  <Select<IndicatorId>
                    id="chon-chi-so"
                    style={{ width: 340 }}
                    value={focus}
                    onChange={setFocus}
                    options={RATE_INDICATORS.map((id) => ({ value: id, label: INDICATORS[id].label }))}
                    aria-label="Chỉ số phân tích"
                  />
                </Field>
              </Space>
              <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
                <TrendChart unitCode={total.unit_code} unitName={total.unit_name} from={range.from} to={range.to} granularity={range.granularity} indicator={focus} target={focusTarget} by={view.by} />
              </Suspense>
            </Card>

            <Card style={{ marginTop: 16 }} size="small">
              <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
              <ChildrenTable
                rows={children}
                focus={focus}
                title={`Các đơn vị của ${total.unit_name}`}
                periodText={periodText}
                onOpenUnit={(row) => go({ ...view, unit: row.unit_code })}
                onDrill={(row, indicator, part) => openDrill(row, indicator, part)}
              />
              </Suspense>
            </Card>

            {children.some((r) => r.scope === 'subtree') && (
              <Card style={{ marginTop: 16 }} size="small">
                <Suspense fallback={<Skeleton active paragraph={{ rows: 4 }} />}>
                  <ThresholdLists unitCode={total.unit_code} from={view.period.from} to={view.period.to} tree={view.tree} by={view.by} indicator={focus} />
                </Suspense>
              </Card>
            )}

            <Suspense fallback={<Skeleton active paragraph={{ rows: 3 }} />}>
              <TasksPanel unit={total.unit_code} />
            </Suspense>
          </div>
        ) : null}
      {drill && (
        <Suspense fallback={null}>
          <DossiersDrawer request={drill} onClose={() => setDrill(null)} />
        </Suspense>
      )}
    </>
  )
}

function Field({ label, htmlFor, children }: { label: string; htmlFor: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={htmlFor} style={{ display: 'block', marginBottom: 4, fontWeight: 500 }}>
        {label}
      </label>
      {children}
    </div>
  )
}

const PICKERS: Record<Exclude<PeriodKind, 'custom'>, 'week' | 'month' | 'quarter' | 'year'> = { week: 'week', month: 'month', quarter: 'quarter', year: 'year' }

function PeriodControls({ period, onChange }: { period: Period; onChange: (p: Period) => void }) {
  const list = useMemo(() => presets(), [])
  return (
    <>
      <Field label="Loại kỳ" htmlFor="loai-ky">
        <Select<PeriodKind>
          id="loai-ky"
          style={{ width: 130 }}
          value={period.kind}
          aria-label="Loại kỳ"
          options={KINDS.map((k) => ({ value: k, label: PERIOD_KIND_LABELS[k] }))}
          onChange={(kind) => onChange(kind === 'custom' ? { ...period, kind } : periodAround(kind, dayjs(period.to)))}
        />
      </Field>
      <Field label="Kỳ báo cáo" htmlFor="ky-bao-cao">
        {period.kind === 'custom' ? (
          <DatePicker.RangePicker
            id={{ start: 'ky-bao-cao', end: 'ky-bao-cao-den' }}
            value={[dayjs(period.from), dayjs(period.to)]}
            format={typedDateProps.format}
            allowClear={false}
            presets={list.map((p) => ({ label: p.label, value: [dayjs(p.period.from), dayjs(p.period.to)] as [Dayjs, Dayjs] }))}
            onChange={(values) => {
              if (values?.[0] && values[1]) onChange({ kind: 'custom', from: values[0].format('YYYY-MM-DD'), to: values[1].format('YYYY-MM-DD') })
            }}
          />
        ) : (
          <DatePicker
            id="ky-bao-cao"
            picker={PICKERS[period.kind]}
            value={dayjs(period.from)}
            allowClear={false}
            format={(d) => {
              const p = periodAround(period.kind as Exclude<PeriodKind, 'custom'>, d)
              return describePeriodKind(p) ?? formatPeriod(p.from, p.to)
            }}
            onChange={(d) => d && onChange(periodAround(period.kind as Exclude<PeriodKind, 'custom'>, d))}
          />
        )}
      </Field>
      <Field label="Chọn nhanh" htmlFor="chon-nhanh">
        <Select<string>
          id="chon-nhanh"
          style={{ width: 150 }}
          placeholder="Chọn nhanh"
          value={null as unknown as string}
          aria-label="Chọn nhanh kỳ"
          options={list.map((p) => ({ value: p.label, label: p.label }))}
          onChange={(label) => {
            const preset = list.find((p) => p.label === label)
            if (preset) onChange(preset.period)
          }}
        />
      </Field>
    </>
  )
}
