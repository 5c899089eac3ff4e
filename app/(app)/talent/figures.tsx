import { Link } from '@/components/ui/link'
import type { Translate } from '@/lib/i18n'
import type { FigureRow } from '@/lib/server/people/talent'
import { CERTIFIED_LEVELS } from '@/lib/schemas/talent'
import { Badge } from '@/components/ui/card'
import { DataTable, type Column } from '@/components/ui/data-list'

const pct = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`)

/** Beyond this many child units (a county's communities), units without any record or figure are folded away. */
const FOLD_ABOVE = 15

/** Officials' comparison table: one row per child unit (links filter the registry below) and the total. */
export function FiguresTable({ t, rows: all, total, target }: { t: Translate; rows: FigureRow[]; total: FigureRow; target: number }) {
  const rows = all.length > FOLD_ABOVE ? all.filter((r) => r.profiles > 0 || r.withFigure > 0) : all
  const folded = all.length - rows.length
  const columns: Column<FigureRow>[] = [
    {
      id: 'unit',
      label: t('talent.figures.unit'),
      rowHeader: true,
      cell: (r) => (
        <Link href={`/talent?unit=${r.id}`} className="data-title">
          {r.name}
        </Link>
      ),
    },
    ...CERTIFIED_LEVELS.map((l): Column<FigureRow> => ({ id: l, label: t(`certLevel.${l}`), numeric: true, cell: (r) => r.byLevel[l] })),
    { id: 'certified', label: t('talent.figures.certified'), numeric: true, cell: (r) => r.certified },
    { id: 'profiles', label: t('talent.figures.profiles'), numeric: true, cell: (r) => r.profiles },
    {
      id: 'rate',
      label: t('talent.figures.rate'),
      header: (
        <>
          {t('talent.figures.rate')}
          <span className="block text-xs font-normal">{t('talent.figures.target', { target })}</span>
        </>
      ),
      numeric: true,
      className: 'whitespace-nowrap',
      cell: (r) => (
        <>
          {pct(r.rate)} {r.rate === null ? null : r.reached ? <Badge tone="green">{t('talent.figures.reached')}</Badge> : <Badge>{t('talent.figures.notReached')}</Badge>}
        </>
      ),
    },
    {
      id: 'per1000',
      label: t('talent.figures.per1000'),
      numeric: true,
      cell: (r) => (
        <>
          {r.per1000 ?? '—'}
          <span className="block text-xs text-stone-600">{t('talent.figures.withFigure', { with: r.withFigure, all: r.communities })}</span>
        </>
      ),
    },
  ]
  return (
    <>
      <DataTable
        t={t}
        label={t('talent.figures.title')}
        testId="talent-figures"
        rows={rows}
        rowKey={(r) => r.id}
        rowTestId={() => 'figure-row'}
        columns={columns}
        foot={all.length > 1 ? { label: t('talent.figures.total'), rowTestId: 'figure-total', cells: Object.fromEntries(columns.slice(1).map((c) => [c.id, c.cell(total)])) } : undefined}
        empty={null}
      />
      {folded ? <p className="text-xs text-stone-600">{t('talent.figures.folded', { count: folded })}</p> : null}
    </>
  )
}
