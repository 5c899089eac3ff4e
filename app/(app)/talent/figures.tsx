import { Link } from '@/components/ui/link'
import type { Translate } from '@/lib/i18n'
import type { FigureRow } from '@/lib/server/people/talent'
import { CERTIFIED_LEVELS } from '@/lib/schemas/talent'
import { Badge } from '@/components/ui/card'
import { TableFrame } from '@/components/ui/table-frame'

const pct = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`)

/** Beyond this many child units (a county's communities), units without any record or figure are folded away. */
const FOLD_ABOVE = 15

/** Officials' comparison table: one row per child unit (links filter the registry below) and the total. */
export function FiguresTable({ t, rows: all, total, target }: { t: Translate; rows: FigureRow[]; total: FigureRow; target: number }) {
  const rows = all.length > FOLD_ABOVE ? all.filter((r) => r.profiles > 0 || r.withFigure > 0) : all
  const folded = all.length - rows.length
  const cells = (r: FigureRow) => (
    <>
      {CERTIFIED_LEVELS.map((l) => (
        <td key={l} className="px-3 py-2 text-right tabular-nums">
          {r.byLevel[l]}
        </td>
      ))}
      <td className="px-3 py-2 text-right tabular-nums">{r.certified}</td>
      <td className="px-3 py-2 text-right tabular-nums">{r.profiles}</td>
      <td className="px-3 py-2 text-right tabular-nums whitespace-nowrap">
        {pct(r.rate)}{' '}
        {r.rate === null ? null : r.reached ? <Badge tone="green">{t('talent.figures.reached')}</Badge> : <Badge>{t('talent.figures.notReached')}</Badge>}
      </td>
      <td className="px-3 py-2 text-right tabular-nums">
        {r.per1000 ?? '—'}
        <span className="block text-xs text-stone-500">{t('talent.figures.withFigure', { with: r.withFigure, all: r.communities })}</span>
      </td>
    </>
  )
  return (
    <TableFrame label={t('talent.figures.title')}>
      <table className="w-full text-sm" data-testid="talent-figures">
        <thead className="bg-stone-50 text-left text-stone-600">
          <tr>
            <th className="px-3 py-2 font-medium">{t('talent.figures.unit')}</th>
            {CERTIFIED_LEVELS.map((l) => (
              <th key={l} className="px-3 py-2 text-right font-medium">
                {t(`certLevel.${l}`)}
              </th>
            ))}
            <th className="px-3 py-2 text-right font-medium">{t('talent.figures.certified')}</th>
            <th className="px-3 py-2 text-right font-medium">{t('talent.figures.profiles')}</th>
            <th className="px-3 py-2 text-right font-medium">
              {t('talent.figures.rate')}
              <span className="block text-xs font-normal">{t('talent.figures.target', { target })}</span>
            </th>
            <th className="px-3 py-2 text-right font-medium">{t('talent.figures.per1000')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-t border-stone-100" data-testid="figure-row">
              <td className="px-3 py-2">
                <Link href={`/talent?unit=${r.id}`} className="font-medium text-brand-700 hover:underline">
                  {r.name}
                </Link>
              </td>
              {cells(r)}
            </tr>
          ))}
          {folded ? (
            <tr className="border-t border-stone-100">
              <td colSpan={8} className="px-3 py-2 text-xs text-stone-500">
                {t('talent.figures.folded', { count: folded })}
              </td>
            </tr>
          ) : null}
          {all.length > 1 ? (
            <tr className="border-t border-stone-300 bg-stone-50 font-medium" data-testid="figure-total">
              <td className="px-3 py-2">{t('talent.figures.total')}</td>
              {cells(total)}
            </tr>
          ) : null}
        </tbody>
      </table>
    </TableFrame>
  )
}
