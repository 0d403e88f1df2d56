import { useEffect, useState } from 'react'

/**
 * The value as it was `ms` after it last changed: what is typed key by key reaches a request once
 * the typing pauses, not once per key. The first value is given at once.
 */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms)
    return () => window.clearTimeout(timer)
  }, [value, ms])
  return settled
}
