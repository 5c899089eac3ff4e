'use server'
import { runAction } from '@/lib/server/security/run-action'
import type { FormState } from '@/lib/form-state'
import { requireScope } from '@/lib/server/auth/session'
import { toActionState } from '@/lib/server/action-state'
import {
  acceptRectification, archiveTemplate, createTemplate, orderRectification, respondRectification, returnRectification, scheduleInspection, scoreInspection, updateTemplate,
} from '@/lib/server/evaluation/inspections'
import { drawSpotCheck } from '@/lib/server/evaluation/spot-checks'
import { closeCampaign, createCampaign } from '@/lib/server/evaluation/surveys'

// Every action resolves the caller again; the DAL checks scope and permission on the record itself.
const form = (fd: FormData) => Object.fromEntries(fd)

export async function createTemplateAction(_prev: FormState, fd: FormData) {
  return runAction('evaluation.createTemplate', ['form'], [fd], async () => {
    const r = await createTemplate(await requireScope(), form(fd))
    return toActionState(r, r.ok ? { redirect: `/evaluation/templates/${r.value.id}` } : {})
  })
}

export async function updateTemplateAction(id: string, _prev: FormState, fd: FormData) {
  return runAction('evaluation.updateTemplate', ['id', 'form'], [id, fd], async () => {
    return toActionState(await updateTemplate(await requireScope(), id, form(fd)), { message: 'common.saved' })
  })
}

export async function archiveTemplateAction(id: string) {
  return runAction('evaluation.archiveTemplate', ['id'], [id], async () => {
    return toActionState(await archiveTemplate(await requireScope(), id), { redirect: '/evaluation/templates' })
  })
}

export async function scheduleInspectionAction(_prev: FormState, fd: FormData) {
  return runAction('evaluation.scheduleInspection', ['form'], [fd], async () => {
    const r = await scheduleInspection(await requireScope(), form(fd))
    return toActionState(r, r.ok ? { redirect: `/evaluation/inspections/${r.value.id}` } : {})
  })
}

export async function scoreInspectionAction(id: string, _prev: FormState, fd: FormData) {
  return runAction('evaluation.scoreInspection', ['id', 'form'], [id, fd], async () => {
    return toActionState(await scoreInspection(await requireScope(), id, form(fd)), { message: 'evaluation.scored' })
  })
}

export async function orderRectificationAction(inspectionId: string, _prev: FormState, fd: FormData) {
  return runAction('evaluation.orderRectification', ['id', 'form'], [inspectionId, fd], async () => {
    return toActionState(await orderRectification(await requireScope(), inspectionId, form(fd)), { message: 'evaluation.rect.ordered' })
  })
}

export async function respondRectificationAction(id: string, _prev: FormState, fd: FormData) {
  return runAction('evaluation.respondRectification', ['id', 'form'], [id, fd], async () => {
    return toActionState(await respondRectification(await requireScope(), id, form(fd)))
  })
}

export async function acceptRectificationAction(id: string) {
  return runAction('evaluation.acceptRectification', ['id'], [id], async () => {
    return toActionState(await acceptRectification(await requireScope(), id))
  })
}

export async function returnRectificationAction(id: string, _prev: FormState, fd: FormData) {
  return runAction('evaluation.returnRectification', ['id', 'form'], [id, fd], async () => {
    return toActionState(await returnRectification(await requireScope(), id, form(fd)))
  })
}

export async function drawSpotCheckAction(_prev: FormState, fd: FormData) {
  return runAction('evaluation.drawSpotCheck', ['form'], [fd], async () => {
    const r = await drawSpotCheck(await requireScope(), form(fd))
    return toActionState(r, r.ok ? { redirect: `/evaluation/spot-checks/${r.value.id}` } : {})
  })
}

export async function createCampaignAction(_prev: FormState, fd: FormData) {
  return runAction('evaluation.createCampaign', ['form'], [fd], async () => {
    const r = await createCampaign(await requireScope(), form(fd))
    return toActionState(r, r.ok ? { redirect: `/evaluation/surveys/${r.value.id}` } : {})
  })
}

export async function closeCampaignAction(id: string) {
  return runAction('evaluation.closeCampaign', ['id'], [id], async () => {
    return toActionState(await closeCampaign(await requireScope(), id))
  })
}
