// The server half of forms that work before their JavaScript arrives: the sign-in form's action sets
// the very cookie next-auth reads, and an action answering a plain form POST (no Next-Action header)
// sends a success to its page with a 303 and a refusal back with what was typed — never a password.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { zhCN } from '@/lib/i18n/messages/zh-CN'
import { decode } from 'next-auth/jwt'
import { createUser, type TestTree } from '@/tests/factories/org'
import { prisma, tree } from './helpers'

const req = vi.hoisted(() => ({ headers: new Headers(), cookies: new Map<string, { value: string; options: Record<string, unknown> }>() }))
class Redirect extends Error {
  digest: string
  constructor(public url: string) {
    super(`NEXT_REDIRECT ${url}`)
    this.digest = `NEXT_REDIRECT;push;${url};303;`
  }
}
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw new Redirect(url)
  },
  notFound: () => {
    throw new Error('not found')
  },
}))
vi.mock('next/headers', () => ({
  headers: async () => req.headers,
  cookies: async () => ({
    get: (n: string) => (req.cookies.has(n) ? { name: n, value: req.cookies.get(n)!.value } : undefined),
    getAll: () => [],
    set: (n: string, value: string, options: Record<string, unknown>) => req.cookies.set(n, { value, options }),
    delete: () => {},
    has: (n: string) => req.cookies.has(n),
  }),
}))
vi.mock('@/lib/server/auth/session', () => ({ getScope: async () => null, requireScope: async () => null, getSessionId: async () => null }))

const { signInAction } = await import('@/app/(auth)/login/actions')

let t: TestTree
beforeAll(async () => {
  t = await tree()
})
beforeEach(() => {
  req.cookies.clear()
  req.headers = new Headers({ 'x-forwarded-for': '10.9.8.7' })
})

const form = (o: Record<string, string>) => {
  const fd = new FormData()
  for (const [k, v] of Object.entries(o)) fd.append(k, v)
  return fd
}
const withoutScript = () => {
  req.headers = new Headers({ 'content-type': 'multipart/form-data; boundary=----x', 'x-forwarded-for': '10.9.8.7' })
}

async function person() {
  return createUser(await prisma(), { tenantId: t.tenant.id, name: '表单人', password: 'Secret123', roles: [{ role: 'VOLUNTEER', unit: t.communityA1a }] })
}

describe('the sign-in form action', () => {
  it('signs in with the right password: the session cookie is next-auth’s JWT of the user and a live session', async () => {
    const u = await person()
    const r = await signInAction(null, form({ phone: u.phone, password: 'Secret123' }))
    expect(r).toEqual({ ok: true, redirect: '/' })
    const c = req.cookies.get('next-auth.session-token')
    expect(c?.options).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/' })
    const token = await decode({ token: c!.value, secret: process.env.NEXTAUTH_SECRET! })
    expect(token?.sub).toBe(u.id)
    const session = await (await prisma()).userSession.findUnique({ where: { id: String(token?.sid) }, select: { userId: true, revokedAt: true } })
    expect(session).toEqual({ userId: u.id, revokedAt: null })
  })

  it('refuses a wrong password, a malformed phone and an empty form with Chinese-catalog errors and sets no cookie', async () => {
    const u = await person()
    expect(await signInAction(null, form({ phone: u.phone, password: 'wrong-one' }))).toEqual({ ok: false, error: 'signIn.invalid', text: { error: zhCN['signIn.invalid'] } })
    expect(await signInAction(null, form({ phone: '12345', password: 'x' }))).toMatchObject({ ok: false, fieldErrors: { phone: 'validation.phone.format' } })
    expect(await signInAction(null, form({}))).toMatchObject({ ok: false, fieldErrors: { phone: expect.any(String), password: expect.any(String) } })
    expect(req.cookies.size).toBe(0)
  })

  it('goes on to a path of this site only', async () => {
    const u = await person()
    expect(await signInAction(null, form({ phone: u.phone, password: 'Secret123', next: '/tasks/abc' }))).toEqual({ ok: true, redirect: '/tasks/abc' })
    for (const next of ['//evil.example', 'https://evil.example/', '/\\evil.example', '/login']) {
      req.cookies.clear()
      expect(await signInAction(null, form({ phone: u.phone, password: 'Secret123', next }))).toEqual({ ok: true, redirect: '/' })
    }
  })
})

describe('an action answering a plain form POST (no JavaScript)', () => {
  it('sends a success on with a redirect (303) instead of a state', async () => {
    const u = await person()
    withoutScript()
    const err = await signInAction(null, form({ phone: u.phone, password: 'Secret123' })).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(Redirect)
    expect((err as Redirect).url).toBe('/')
    expect(req.cookies.get('next-auth.session-token')).toBeDefined()
  })

  it('answers a refusal with what was typed, but never the password', async () => {
    const u = await person()
    withoutScript()
    const r = await signInAction(null, form({ phone: u.phone, password: 'wrong-one' }))
    // the answer's words come translated from the server (the page carries no catalog)
    expect(r).toEqual({ ok: false, error: 'signIn.invalid', text: { error: zhCN['signIn.invalid'] }, values: { phone: u.phone } })
    expect(JSON.stringify(r)).not.toContain('wrong-one')
  })

  it('is told apart from a JavaScript call by the Next-Action header', async () => {
    const u = await person()
    req.headers = new Headers({ 'content-type': 'multipart/form-data; boundary=----x', 'next-action': 'abc' })
    expect(await signInAction(null, form({ phone: u.phone, password: 'wrong-one' }))).toEqual({ ok: false, error: 'signIn.invalid', text: { error: zhCN['signIn.invalid'] } })
  })
})
