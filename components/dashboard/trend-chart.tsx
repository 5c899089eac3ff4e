'use client'
import { useEffect, useRef } from 'react'

export type TrendSeries = { name: string; kind: 'bar' | 'line'; values: number[]; axis?: 0 | 1 }

/**
 * A monthly trend chart (ECharts): bars and lines over the months, a second axis for hours. Large
 * type for a projector; fills the width and follows it (phone or wall). The numbers are also in the
 * table beside it, for screen readers and print. The chart library (≈ 180 KB gzip) is fetched only when
 * the chart comes on screen (or is printed), so the page is usable — and its first load light — first.
 */
export function TrendChart({ months, series, label, testId }: { months: string[]; series: TrendSeries[]; label: string; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = ref.current
    if (!el) return
    let chart: { setOption: (o: object) => void; resize: () => void; dispose: () => void } | null = null
    let resize: ResizeObserver | null = null
    let gone = false
    const draw = async () => {
      const { init } = await import('./echarts-setup')
      if (gone || chart) return
      chart = init(el, undefined, { renderer: 'canvas' })
      chart.setOption({
        textStyle: { fontSize: 14 },
        tooltip: { trigger: 'axis' },
        legend: { top: 0, textStyle: { fontSize: 14 } },
        grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: months.map((m) => m.slice(2).replace('-', '/')), axisLabel: { fontSize: 13 } },
        yAxis: [
          { type: 'value', minInterval: 1, axisLabel: { fontSize: 13 } },
          { type: 'value', axisLabel: { fontSize: 13 }, splitLine: { show: false } },
        ],
        series: series.map((s) => ({ name: s.name, type: s.kind, data: s.values, yAxisIndex: s.axis ?? 0, smooth: s.kind === 'line', barMaxWidth: 28 })),
      })
      resize = new ResizeObserver(() => chart?.resize())
      resize.observe(el)
    }
    const seen = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        seen.disconnect()
        void draw()
      }
    })
    seen.observe(el)
    const beforePrint = () => void draw()
    window.addEventListener('beforeprint', beforePrint)
    return () => {
      gone = true
      seen.disconnect()
      window.removeEventListener('beforeprint', beforePrint)
      resize?.disconnect()
      chart?.dispose()
    }
  }, [months, series])
  return <div ref={ref} role="img" aria-label={label} className="h-72 w-full sm:h-80" data-testid={testId} />
}
