/**
 * Applications over time: how many were first submitted on each calendar day (in the call's time
 * zone) and the running total, every day from the first submission to the last one included (days
 * without a submission are 0, so a line chart shows the real pace).
 */
export function overTime(days: readonly string[]): { date: string; submitted: number; cumulative: number }[] {
  if (days.length === 0) return []
  const counts = new Map<string, number>()
  for (const d of days) counts.set(d, (counts.get(d) ?? 0) + 1)
  const sorted = [...counts.keys()].sort()
  const out: { date: string; submitted: number; cumulative: number }[] = []
  let cumulative = 0
  const last = Date.parse(`${sorted.at(-1)}T00:00:00Z`)
  for (let t = Date.parse(`${sorted[0]}T00:00:00Z`); t <= last; t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10)
    const submitted = counts.get(date) ?? 0
    cumulative += submitted
    out.push({ date, submitted, cumulative })
  }
  return out
}
