import { useEffect, useState } from 'react'
import type { z } from 'zod'

/**
 * Loads recommendations in the browser with the session's cookie (SPA and public pages alike: no query
 * client needed). `data` stays null when the caller may not ask (401, 403, 404): the panels then show
 * nothing rather than an error; they appear once there is data (a reload keeps the previous data).
 */
export function useRecommendations<S extends z.ZodType>(
  url: string | null,
  schema: S,
): { data: z.infer<S> | null; loading: boolean; failed: boolean } {
  const [state, setState] = useState<{ data: z.infer<S> | null; loading: boolean; failed: boolean }>({
    data: null,
    loading: url !== null,
    failed: false,
  })
  useEffect(() => {
    if (url === null) return
    const controller = new AbortController()
    setState((s) => ({ ...s, loading: true, failed: false }))
    fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' }, signal: controller.signal })
      .then(async (res) => {
        if ([401, 403, 404].includes(res.status)) return setState({ data: null, loading: false, failed: false })
        if (!res.ok) throw new Error(String(res.status))
        const parsed = schema.safeParse(await res.json())
        if (!parsed.success) throw new Error('invalid_response')
        setState({ data: parsed.data, loading: false, failed: false })
      })
      .catch((e: Error) => {
        if (e.name !== 'AbortError') setState({ data: null, loading: false, failed: true })
      })
    return () => controller.abort()
  }, [url, schema])
  return state
}

const v1 = '/api/v1/matchmaking'
const enc = encodeURIComponent

export const recommendationUrls = {
  challenge: (id: string, target: 'solutions' | 'organisations', limit = 10) =>
    `${v1}/challenges/${enc(id)}/recommendations?target=${target}&limit=${limit}`,
  organisation: (id: string, target: 'challenges' | 'calls', limit = 5) =>
    `${v1}/organisations/${enc(id)}/recommendations?target=${target}&limit=${limit}`,
  solution: (id: string, target: 'challenges' | 'calls', limit = 5) =>
    `${v1}/solutions/${enc(id)}/recommendations?target=${target}&limit=${limit}`,
  partners: (applicationId: string, limit = 8) =>
    `${v1}/applications/${enc(applicationId)}/partner-suggestions?limit=${limit}`,
}
