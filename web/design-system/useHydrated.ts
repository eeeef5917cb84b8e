import { useEffect, useState } from 'react'

/**
 * False during server rendering and the first (hydrating) client render, true afterwards. Use it for
 * anything that depends on the viewer's machine (time zone), so that hydration matches the server's HTML.
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  return hydrated
}
