import { describe, expect, it } from 'vitest'
import { currentSort, sortHref, type Column, type ListProps } from '@/components/ui/data-list'
import { orderOf } from '@/lib/schemas/list'
import { ZNeedListQuery } from '@/lib/schemas/workflow'

type Row = { id: string }
const columns: Column<Row>[] = [
  { id: 'title', label: 'T', slot: 'title', cell: (r) => r.id },
  { id: 'created', label: 'C', sort: 'desc', cell: () => '' },
  { id: 'urgency', label: 'U', sort: 'desc', cell: () => '' },
  { id: 'name', label: 'N', sort: 'asc', cell: () => '' },
]
const props = (query: ListProps<Row>['query']): ListProps<Row> => ({
  t: ((k: string) => k) as never,
  label: 'list',
  rows: [],
  rowKey: (r) => r.id,
  columns,
  path: '/needs',
  query,
  defaultSort: { id: 'created', dir: 'desc' },
  empty: null,
})
const col = (id: string) => columns.find((c) => c.id === id)!

describe('DataList: the order lives in the URL', () => {
  it('no sort in the URL shows the default; a named sort is ascending unless it says desc; an unknown one is ignored', () => {
    expect(currentSort(props({}))).toEqual({ id: 'created', dir: 'desc' })
    expect(currentSort(props({ sort: 'urgency' }))).toEqual({ id: 'urgency', dir: 'asc' })
    expect(currentSort(props({ sort: 'urgency', dir: 'desc' }))).toEqual({ id: 'urgency', dir: 'desc' })
    expect(currentSort(props({ sort: 'title', dir: 'asc' }))).toEqual({ id: 'created', dir: 'desc' })
    expect(currentSort(props({ sort: 'nope' }))).toEqual({ id: 'created', dir: 'desc' })
  })

  it('a sort link keeps the filters, goes back to page 1, starts in the column’s direction and toggles the current one', () => {
    const q = { status: 'OPEN', page: 3, q: '助餐' }
    expect(sortHref(props(q), col('urgency'))).toBe('/needs?status=OPEN&q=%E5%8A%A9%E9%A4%90&sort=urgency&dir=desc')
    expect(sortHref(props({ ...q, sort: 'urgency', dir: 'desc' }), col('urgency'))).toBe('/needs?status=OPEN&q=%E5%8A%A9%E9%A4%90&sort=urgency&dir=asc')
    expect(sortHref(props({ sort: 'name', dir: 'asc' }), col('name'))).toBe('/needs?sort=name&dir=desc')
    // the default order in its default direction is the bare URL; the default column reversed is named
    expect(sortHref(props({ sort: 'urgency' }), col('created'))).toBe('/needs')
    expect(sortHref(props({}), col('created'))).toBe('/needs?sort=created&dir=asc')
  })

  it('the data layer reads the same rule: the schema keeps only offered sorts, orderOf ends with the tie-breaker', () => {
    const parsed = ZNeedListQuery.parse({ sort: 'urgency', dir: 'sideways' })
    expect(parsed).toMatchObject({ sort: 'urgency', dir: undefined })
    expect(ZNeedListQuery.parse({ sort: 'password' }).sort).toBeUndefined()
    type O = Record<string, 'asc' | 'desc'>
    const by: Record<string, (dir: 'asc' | 'desc') => O[]> = { urgency: (dir) => [{ urgency: dir }] }
    expect(orderOf<string, O>(parsed, by, [{ createdAt: 'desc' }], { id: 'asc' })).toEqual([{ urgency: 'asc' }, { id: 'asc' }])
    expect(orderOf<string, O>({ sort: 'urgency', dir: 'desc' }, by, [{ createdAt: 'desc' }], { id: 'asc' })).toEqual([{ urgency: 'desc' }, { id: 'asc' }])
    expect(orderOf<string, O>({}, by, [{ createdAt: 'desc' }], { id: 'asc' })).toEqual([{ createdAt: 'desc' }, { id: 'asc' }])
  })
})
