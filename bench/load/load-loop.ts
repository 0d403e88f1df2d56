import { Agent, request } from 'node:http'

/** What one phase of load measured. */
export interface LoadResult {
  label: string
  clients: number
  seconds: number
  requests: number
  errors: number
  /** Answers other than 200, by status. */
  statuses: Record<string, number>
  perSecond: number
  p50: number
  p95: number
  p99: number
  max: number
}

export interface Target {
  host: string
  port: number
  cookie?: string
}

/** One GET; resolves with its status and milliseconds (status 0: the connection failed or timed out). */
export function timedGet(target: Target, agent: Agent, path: string, timeoutMs: number): Promise<{ status: number; ms: number }> {
  const started = performance.now()
  return new Promise((resolve) => {
    const req = request({ host: target.host, port: target.port, path, agent, headers: target.cookie ? { cookie: target.cookie } : {} }, (res) => {
      res.resume()
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }))
    })
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')))
    req.on('error', () => resolve({ status: 0, ms: performance.now() - started }))
    req.end()
  })
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

/**
 * `clients` connections, each asking `next()` again as soon as it is answered, for `seconds`
 * (and at most `maxRequests` in all). 127.0.0.1 only: the benchmark never leaves the machine.
 */
export async function runLoad(options: { label: string; target: Target; clients: number; seconds: number; maxRequests: number; timeoutMs: number; next: (client: number, i: number) => string }): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.clients })
  const times: number[] = []
  const statuses: Record<string, number> = {}
  let issued = 0
  const deadline = performance.now() + options.seconds * 1000
  const started = performance.now()
  await Promise.all(
    Array.from({ length: options.clients }, async (_, client) => {
      for (let i = 0; performance.now() < deadline && issued < options.maxRequests; i++) {
        issued += 1
        const { status, ms } = await timedGet(options.target, agent, options.next(client, i), options.timeoutMs)
        times.push(ms)
        if (status !== 200) statuses[String(status)] = (statuses[String(status)] ?? 0) + 1
      }
    }),
  )
  const elapsed = (performance.now() - started) / 1000
  agent.destroy()
  const sorted = [...times].sort((a, b) => a - b)
  const round = (n: number) => Math.round(n * 10) / 10
  return {
    label: options.label,
    clients: options.clients,
    seconds: round(elapsed),
    requests: times.length,
    errors: Object.values(statuses).reduce((a, b) => a + b, 0),
    statuses,
    perSecond: Math.round(times.length / elapsed),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? 0),
  }
}
