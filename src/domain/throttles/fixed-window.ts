/**
 * Fixed throttle windows: every process cuts time the same way (from the epoch), so a counter
 * kept in the database under (key, window start) is the same counter for all of them.
 */
export interface ThrottleWindow {
  start: Date
  end: Date
}

export function windowOf(now: Date, windowMs: number): ThrottleWindow {
  if (!Number.isInteger(windowMs) || windowMs <= 0) throw new RangeError(`window must be a positive number of milliseconds: ${windowMs}`)
  const start = Math.floor(now.getTime() / windowMs) * windowMs
  return { start: new Date(start), end: new Date(start + windowMs) }
}

/** Whole seconds until the window ends (at least 1): the answer's Retry-After. */
export function secondsLeft(window: ThrottleWindow, now: Date): number {
  return Math.max(1, Math.ceil((window.end.getTime() - now.getTime()) / 1000))
}

/** "45 giây", "15 phút": how long to wait, as the refused citizen reads it. */
export function waitInWords(seconds: number): string {
  return seconds < 60 ? `${seconds} giây` : `${Math.ceil(seconds / 60)} phút`
}
