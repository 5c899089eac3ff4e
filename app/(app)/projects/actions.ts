'use server'
import { runAction } from '@/lib/server/security/run-action'
import type { FormState } from '@/lib/form-state'
import { requireScope } from '@/lib/server/auth/session'
import { toActionState } from '@/lib/server/action-state'
import { addActivity, addExpense, createProject, moveProject, updateProject } from '@/lib/server/projects/projects'
import { PROJECT_STATUSES } from '@/lib/schemas/projects'

const formInput = (fd: FormData) => ({ ...Object.fromEntries(fd), targetGroups: fd.getAll('targetGroups'), teamIds: fd.getAll('teamIds'), needIds: fd.getAll('needIds') })

export async function createProjectAction(_prev: FormState, fd: FormData) {
  return runAction('projects.createProject', ['form'], [fd], async () => {
    const r = await createProject(await requireScope(), formInput(fd))
    return toActionState(r, r.ok ? { redirect: `/projects/${r.value.id}` } : {})
  })
}

export async function updateProjectAction(id: string, _prev: FormState, fd: FormData) {
  return runAction('projects.updateProject', ['id', 'form'], [id, fd], async () => {
    const r = await updateProject(await requireScope(), id, formInput(fd))
    return toActionState(r, { redirect: `/projects/${id}` })
  })
}

export async function moveProjectAction(id: string, to: string, _prev: FormState, fd: FormData) {
  return runAction('projects.moveProject', ['id', 'text', 'form'], [id, to, fd], async () => {
    const status = PROJECT_STATUSES.find((s) => s === to)
    if (!status) return { ok: false, error: 'error.transition' }
    return toActionState(await moveProject(await requireScope(), id, status, Object.fromEntries(fd)))
  })
}

export async function addActivityAction(id: string, _prev: FormState, fd: FormData) {
  return runAction('projects.addActivity', ['id', 'form'], [id, fd], async () => {
    const r = await addActivity(await requireScope(), id, Object.fromEntries(fd))
    return toActionState(r, r.ok ? { redirect: `/services/${r.value.id}` } : {})
  })
}

export async function addExpenseAction(id: string, _prev: FormState, fd: FormData) {
  return runAction('projects.addExpense', ['id', 'form'], [id, fd], async () => {
    return toActionState(await addExpense(await requireScope(), id, Object.fromEntries(fd)), { message: 'common.saved' })
  })
}
