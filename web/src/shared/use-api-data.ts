import { useCallback, useEffect, useState, type DependencyList } from 'react'

export interface ApiData<T> {
  /** The last answer; kept while a newer request loads, so the page dims instead of emptying. */
  data: T | null
  error: Error | null
  loading: boolean
  /** Asks again (after a change the page made itself). */
  reload: () => void
  /** Replaces the answer with one the page got otherwise (an action that answers with the new state). */
  set: (data: T) => void
}

/**
 * The console's one way to read from the API: a page says what to load and on what it depends;
 * the hook keeps the answer, the error and whether it loads, and aborts a request its page
 * no longer needs (a newer view, or the page closed), so an old answer never overwrites a new one.
 */
export function useApiData<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): ApiData<T> {
  const [state, setState] = useState<Omit<ApiData<T>, 'reload' | 'set'>>({ data: null, error: null, loading: true })
  const [asked, setAsked] = useState(0)
  useEffect(() => {
    const controller = new AbortController()
    setState((s) => ({ ...s, error: null, loading: true }))
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, error: null, loading: false })
      },
      (error: unknown) => {
        if (controller.signal.aborted) return
        setState((s) => ({ ...s, error: error instanceof Error ? error : new Error(String(error)), loading: false }))
      },
    )
    return () => controller.abort()
    // The caller's dependencies decide when to load again; `load` is a fresh closure each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, asked])
  const reload = useCallback(() => setAsked((n) => n + 1), [])
  const set = useCallback((data: T) => setState((s) => ({ ...s, data })), [])
  return { ...state, reload, set }
}
