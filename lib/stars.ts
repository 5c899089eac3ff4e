/** Star level (0–5) for cumulative service hours against the tenant's thresholds (1★ 100 h … 5★ 1,500 h by default). */
export function starLevel(hours: number, thresholds: readonly number[]): number {
  let level = 0
  for (const t of thresholds) if (hours >= t) level++
  return Math.min(level, 5)
}

/** Hours still needed for the next star, or null at the top. */
export function hoursToNextStar(hours: number, thresholds: readonly number[]): number | null {
  const next = thresholds.find((t) => hours < t)
  return next === undefined ? null : Math.round((next - hours) * 10) / 10
}
