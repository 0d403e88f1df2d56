import { addDays } from '../../src/domain/time/local-date.js'

/** One leader's dashboard view: the three calls the console makes for it. */
export interface DashboardView {
  calls: string[]
}

function firstOfMonth(day: string): string {
  return `${day.slice(0, 8)}01`
}

function firstOfQuarter(day: string): string {
  const month = Number(day.slice(5, 7))
  return `${day.slice(0, 5)}${String(month - ((month - 1) % 3)).padStart(2, '0')}-01`
}

const LIST_INDICATORS = ['on_time_rate', 'dossier_digitization_rate', 'online_rate']

/**
 * The Monday mix: the district and each commune, over the last 7 days, the month and the
 * quarter so far (the console's usual choices); each view asks its table with children, its
 * trend series and its praise/criticism lists.
 */
export function dashboardMix(district: string, communes: readonly string[], lastDay: string) {
  const periods = [
    { from: addDays(lastDay, -6), to: lastDay, granularity: 'week' },
    { from: firstOfMonth(lastDay), to: lastDay, granularity: 'week' },
    { from: firstOfQuarter(lastDay), to: lastDay, granularity: 'month' },
  ]
  const units = [district, ...communes]
  const views: DashboardView[] = []
  units.forEach((unit, u) =>
    periods.forEach((p, i) => {
      const q = `unit=${unit}&from=${p.from}&to=${p.to}`
      views.push({ calls: [`/api/v1/indicators?${q}&children=true`, `/api/v1/indicators/series?${q}&granularity=${p.granularity}`, `/api/v1/indicators/lists?${q}&indicator=${LIST_INDICATORS[(u + i) % LIST_INDICATORS.length]}`] })
    }),
  )
  const month = Number(lastDay.slice(5, 7))
  return {
    views,
    periods,
    /** The quarter the last day falls in, as the Decision 766 page names it (2022-Q3). */
    quarter: `${lastDay.slice(0, 4)}-Q${Math.ceil(month / 3)}`,
    /** District tables of single days never asked by the mix (a year back, day by day). */
    neverAsked(count: number): string[] {
      return Array.from({ length: count }, (_, i) => {
        const day = addDays(lastDay, -365 - i)
        return `/api/v1/indicators?unit=${district}&from=${day}&to=${day}&children=true`
      })
    },
    /** Questions nobody asked yet, one per client: Decision 766 overviews of past months of each unit. */
    abandonable(count: number): string[] {
      return Array.from({ length: count }, (_, i) => {
        const back = new Date(`${lastDay}T00:00:00Z`)
        back.setUTCMonth(back.getUTCMonth() - 1 - Math.floor(i / units.length))
        return `/api/v1/index766?unit=${units[i % units.length]}&period=${back.toISOString().slice(0, 7)}`
      })
    },
  }
}
