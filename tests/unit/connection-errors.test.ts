import { describe, expect, it } from 'vitest'
import { checkArgs, isConnectionError } from '@/lib/server/security/run-action'

// What the drivers actually throw when the database goes away (seen in tests/e2e/fault.spec.ts), and
// what they throw for ordinary failures, which must not be mistaken for a lost connection.
describe('isConnectionError', () => {
  it('recognises a lost or unreachable database, through causes', () => {
    for (const e of [
      { code: 'P1017', message: 'Server has closed the connection.' },
      { code: 'P2010', message: 'Raw query failed. Code: `N/A`. Message: `Server has closed the connection.`' },
      { message: 'Connection terminated unexpectedly' },
      { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' },
      { code: '57P01', message: 'terminating connection due to administrator command' },
      { message: 'outer', cause: { message: 'inner', cause: { code: 'ECONNRESET' } } },
      Object.assign(new Error('ConnectionClosed'), { cause: { kind: 'ConnectionClosed' } }), // a DriverAdapterError mid-transaction
    ])
      expect(isConnectionError(e), JSON.stringify(e)).toBe(true)
  })
  it('leaves other errors alone', () => {
    for (const e of [new TypeError('x is not a function'), { code: 'P2002', message: 'Unique constraint failed on the fields: (`phone`)' }, { code: '23514', message: 'check constraint violated' }, null, 'text'])
      expect(isConnectionError(e)).toBe(false)
  })
})

describe('checkArgs', () => {
  it('accepts arguments of their declared kind only', () => {
    const fd = new FormData()
    fd.append('title', '标题')
    expect(checkArgs(['id', 'form'], ['3f1c1f4e-0000-4000-8000-000000000000', fd])).toBeNull()
    expect(checkArgs(['id', ['in', 'out']], ['abc', 'in'])).toBeNull()
    expect(checkArgs(['bool'], [false])).toBeNull()
    expect(checkArgs(['id'], [undefined])).toEqual({})
    expect(checkArgs(['id'], [{}])).toEqual({})
    expect(checkArgs(['id'], ["' OR 1=1"])).toEqual({})
    expect(checkArgs(['id', ['in', 'out']], ['abc', 'sideways'])).toEqual({})
    expect(checkArgs(['bool'], ['false'])).toEqual({})
    expect(checkArgs(['form'], [{ title: 'x' }])).toEqual({})
    expect(checkArgs(['id'], [])).toEqual({})
    const nul = new FormData()
    nul.append('title', 'a\u0000b')
    expect(checkArgs(['form'], [nul])).toEqual({ field: 'title' })
  })
})
