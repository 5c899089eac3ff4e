'use server'
import { runAction } from '@/lib/server/security/run-action'
import type { FormState } from '@/lib/form-state'
import { requireScope } from '@/lib/server/auth/session'
import { toActionState } from '@/lib/server/action-state'
import { createCategory, updateCategory } from '@/lib/server/workflow/categories'

export async function createCategoryAction(_prev: FormState, fd: FormData) {
  return runAction('categories.createCategory', ['form'], [fd], async () => {
    return toActionState(await createCategory(await requireScope(), Object.fromEntries(fd)), { message: 'common.saved' })
  })
}

export async function updateCategoryAction(id: string, _prev: FormState, fd: FormData) {
  return runAction('categories.updateCategory', ['id', 'form'], [id, fd], async () => {
    return toActionState(await updateCategory(await requireScope(), id, { ...Object.fromEntries(fd), active: fd.get('active') === 'on' }), { message: 'common.saved' })
  })
}
