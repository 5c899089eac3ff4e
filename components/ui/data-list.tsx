import { Fragment } from 'react'
import { Link } from '@/components/ui/link'
import { Pagination } from '@/components/ui/pagination'
import { TableFrame } from '@/components/ui/table-frame'
import { queryString } from '@/components/workflow/filters'
import type { Translate } from '@/lib/i18n'
import type { SortDir } from '@/lib/schemas/list'

// The kit's list, driven by the server: the page, the sort and the filters live in the URL, every control
// is a link or a GET form, so a list pages and sorts the same with or without JavaScript. A list declares
// its columns once; `DataList` lays them out as rows for a phone (a title line, a grey line of details, a
// right-hand side for badges and figures, actions below) and `DataTable` as a table with sortable headers.

/** Where DataList puts a column in a row; DataTable shows every column in order. */
export type Slot = 'title' | 'end' | 'meta' | 'detail' | 'actions'

export type Column<R> = {
  /** the column's key, and its value of `?sort=` when it can be sorted by */
  id: string
  /** the header (DataTable) and the sort link's name (DataList) */
  label: string
  cell: (row: R) => React.ReactNode
  slot?: Slot
  /** sortable: the direction of the first click */
  sort?: SortDir
  /** a number: right-aligned, tabular figures */
  numeric?: boolean
  /** DataTable: the cell that names its row (a <th scope="row">, kept in view when the table scrolls sideways) */
  rowHeader?: boolean
  /** DataTable: the header's content when it says more than the label (a target under a rate) */
  header?: React.ReactNode
  /** DataTable: the column's own classes on its header and cells (e.g. `hidden sm:table-cell` off a phone) */
  className?: string
}

type Query = Record<string, string | number | undefined | null>

export type ListProps<R> = {
  t: Translate
  /** the list's name for assistive technology (the table region, the list) */
  label: string
  rows: readonly R[]
  rowKey: (row: R) => string
  columns: readonly Column<R>[]
  /** the page's path and its current query (filters, sort, page): every link keeps the rest (a list that neither sorts nor pages needs neither) */
  path?: string
  query?: Query
  /** the order the server uses when the URL names none */
  defaultSort?: { id: string; dir: SortDir }
  /** the pager; left out for a list that is not paged */
  paging?: { page: number; pageCount: number; total: number }
  /** shown in place of the rows when there are none */
  empty: React.ReactNode
  testId?: string
  rowTestId?: (row: R) => string
  /** DataTable: a last row of totals, by column id (its row header says what it is) */
  foot?: { label: React.ReactNode; cells: Record<string, React.ReactNode>; testId?: (columnId: string) => string; rowTestId?: string }
  /** DataTable: the table's own width, for a table of many figures (e.g. `min-w-[64rem]`) */
  tableClassName?: string
  /** a row's own look (an unread message, a row that needs attention), as a kit class or utilities */
  rowClassName?: (row: R) => string | undefined
  /** DataList: a list inside a card or a section of a record (no frame of its own, rows flush with the card's text) */
  flush?: boolean
}

/** The order shown: the URL's sort (a sortable column; ascending unless it says `dir=desc`), else the default. */
export function currentSort<R>({ query, columns, defaultSort }: ListProps<R>): { id: string | undefined; dir: SortDir } {
  const named = typeof query?.sort === 'string' ? columns.find((c) => c.sort && c.id === query.sort) : undefined
  if (named) return { id: named.id, dir: query?.dir === 'desc' ? 'desc' : 'asc' }
  return { id: defaultSort?.id, dir: defaultSort?.dir ?? 'desc' }
}

/** The link that sorts by `col`: the other direction when it is the current sort, page 1 either way. */
export function sortHref<R>(props: ListProps<R>, col: Column<R>) {
  const cur = currentSort(props)
  const dir: SortDir = cur.id === col.id ? (cur.dir === 'asc' ? 'desc' : 'asc') : col.sort!
  const isDefault = props.defaultSort?.id === col.id && props.defaultSort.dir === dir
  return `${props.path ?? ''}${queryString({ ...props.query, page: undefined, sort: isDefault ? undefined : col.id, dir: isDefault ? undefined : dir })}`
}

function Pager<R>(props: ListProps<R>) {
  const { paging, t, path, query } = props
  if (!paging) return null
  return <Pagination t={t} page={paging.page} pageCount={paging.pageCount} total={paging.total} hrefFor={(page) => `${path ?? ''}${queryString({ ...query, page })}`} />
}

/** "排序：最新 · 紧急程度 ↓": the sortable columns of a DataList as links, the current one marked. */
function SortBar<R>(props: ListProps<R>) {
  const sortable = props.columns.filter((c) => c.sort)
  if (sortable.length < 2 && !(sortable.length === 1 && props.defaultSort?.id !== sortable[0].id)) return null
  const cur = currentSort(props)
  const { t } = props
  return (
    <nav className="sort-bar" aria-label={t('list.sortBy')}>
      <span aria-hidden="true">{t('list.sortBy')}</span>
      {sortable.map((c) => {
        const on = cur.id === c.id
        return (
          <Link key={c.id} href={sortHref(props, c)} aria-current={on ? 'true' : undefined} data-sort={c.id}>
            {c.label}
            {on ? (
              <>
                <span aria-hidden="true">{cur.dir === 'asc' ? ' ↑' : ' ↓'}</span>
                <span className="sr-only">{t(cur.dir === 'asc' ? 'list.ascending' : 'list.descending')}</span>
              </>
            ) : null}
          </Link>
        )
      })}
    </nav>
  )
}

const isEmpty = (v: React.ReactNode) => v === null || v === undefined || v === '' || v === false

/** The cells of `cols` for `row` that have something to show (a row's empty facts leave no " · "). */
function filled<R>(cols: readonly Column<R>[], row: R) {
  return cols.map((c) => ({ c, v: c.cell(row) })).filter(({ v }) => !isEmpty(v))
}

/** A list of rows (the phone-first layout): one column definition, the page and sort in the URL. */
export function DataList<R>(props: ListProps<R>) {
  const { rows, columns, rowKey, empty, label, testId, rowTestId, rowClassName, flush } = props
  const by = (slot: Slot) => columns.filter((c) => (c.slot ?? 'meta') === slot)
  const [title, end, meta, detail, actions] = (['title', 'end', 'meta', 'detail', 'actions'] as const).map(by)
  return (
    <>
      {rows.length ? <SortBar {...props} /> : null}
      {rows.length === 0 ? (
        empty
      ) : (
        <ul className={flush ? 'data-list data-list-flush' : 'data-list'} aria-label={label} data-testid={testId}>
          {rows.map((r) => {
            const metaCells = filled(meta, r)
            const actionCells = filled(actions, r)
            return (
              <li key={rowKey(r)} className={rowClassName?.(r) ? `data-row ${rowClassName(r)}` : 'data-row'} data-testid={rowTestId?.(r)}>
                <div className="data-row-head">
                  <div className="min-w-0">{title.map((c) => <Fragment key={c.id}>{c.cell(r)}</Fragment>)}</div>
                  {end.length ? <div className="data-end">{end.map((c) => <Fragment key={c.id}>{c.cell(r)}</Fragment>)}</div> : null}
                </div>
                {metaCells.length ? (
                  <p className="data-meta">
                    {metaCells.map(({ c, v }, i) => (
                      <Fragment key={c.id}>
                        {i ? ' · ' : null}
                        {v}
                      </Fragment>
                    ))}
                  </p>
                ) : null}
                {detail.map((c) => {
                  const v = c.cell(r)
                  return isEmpty(v) ? null : (
                    <div key={c.id} className="data-detail">
                      {v}
                    </div>
                  )
                })}
                {actionCells.length ? <div className="data-actions">{actionCells.map(({ c, v }) => <Fragment key={c.id}>{v}</Fragment>)}</div> : null}
              </li>
            )
          })}
        </ul>
      )}
      <Pager {...props} />
    </>
  )
}

/** The same list as a table (the desktop layout for wide records): headers sort, the frame scrolls on a phone. */
export function DataTable<R>(props: ListProps<R>) {
  const { rows, columns, rowKey, empty, label, testId, rowTestId, rowClassName, foot, tableClassName, t } = props
  const cellClass = (c: Column<R>) => [c.numeric ? 'num' : '', c.rowHeader ? 'row-head' : '', c.className ?? ''].filter(Boolean).join(' ') || undefined
  const cur = currentSort(props)
  return (
    <>
      {rows.length === 0 ? (
        empty
      ) : (
        <TableFrame label={label}>
          <table className={tableClassName ? `data-table ${tableClassName}` : 'data-table'} data-testid={testId}>
            <thead>
              <tr>
                {columns.map((c) => {
                  const on = c.sort && cur.id === c.id
                  return (
                    <th key={c.id} scope="col" className={cellClass(c)} aria-sort={c.sort ? (on ? (cur.dir === 'asc' ? 'ascending' : 'descending') : 'none') : undefined}>
                      {c.sort ? (
                        <Link href={sortHref(props, c)} data-sort={c.id}>
                          {c.header ?? c.label}
                          <span aria-hidden="true">{on ? (cur.dir === 'asc' ? ' ↑' : ' ↓') : ' ↕'}</span>
                          {on ? null : <span className="sr-only">{t('list.sortable')}</span>}
                        </Link>
                      ) : (
                        (c.header ?? c.label)
                      )}
                    </th>
                  )
                })}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={rowKey(r)} className={rowClassName?.(r)} data-testid={rowTestId?.(r)}>
                  {columns.map((c) =>
                    c.rowHeader ? (
                      <th key={c.id} scope="row" className={cellClass(c)}>
                        {c.cell(r)}
                      </th>
                    ) : (
                      <td key={c.id} className={cellClass(c)}>
                        {c.cell(r)}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
            {foot ? (
              <tfoot>
                <tr data-testid={foot.rowTestId}>
                  {columns.map((c, i) =>
                    c.rowHeader || i === 0 ? (
                      <th key={c.id} scope="row" className={cellClass(c)}>
                        {foot.label}
                      </th>
                    ) : (
                      <td key={c.id} className={cellClass(c)} data-testid={foot.testId?.(c.id)}>
                        {foot.cells[c.id]}
                      </td>
                    ),
                  )}
                </tr>
              </tfoot>
            ) : null}
          </table>
        </TableFrame>
      )}
      <Pager {...props} />
    </>
  )
}
