import type { Metadata } from 'next'
import { z } from 'zod'
import { requirePermission } from '@/lib/server/auth/session'
import { listInspectionTargets, listTemplates } from '@/lib/server/evaluation/inspections'
import { chinaDate } from '@/lib/china-time'
import { getT } from '@/lib/i18n/server'
import { Card, EmptyState } from '@/components/ui/card'
import { ActionForm, FormInput, FormSelect } from '@/components/ui/action-form'
import { LinkButton } from '@/components/ui/button'
import { scheduleInspectionAction } from '../../actions'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('evaluation.inspection.new') }
}

const id = z.uuid().optional().catch(undefined)
const ZPrefill = z.object({ unit: id, project: id, template: id, spotCheck: id })

/** Schedules an inspection; a sampled item of a spot check arrives here with its unit or project chosen. */
export default async function NewInspectionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePermission('evaluation.manage')
  const t = await getT()
  const pre = ZPrefill.parse(await searchParams)
  const [targets, templates] = await Promise.all([listInspectionTargets(scope), listTemplates(scope)])
  const base = targets.units[0]?.depth ?? 0
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <PageHeader title={t('evaluation.inspection.new')} />
      {templates.length === 0 ? (
        <EmptyState title={t('evaluation.inspection.noTemplates')}>
          <LinkButton href="/evaluation/templates/new">{t('evaluation.template.new')}</LinkButton>
        </EmptyState>
      ) : (
        <Card>
          <ActionForm action={scheduleInspectionAction} submitLabel={t('common.submit')} testId="inspection-form">
            {pre.spotCheck ? <input type="hidden" name="spotCheckId" value={pre.spotCheck} /> : null}
            <FormSelect
              name="targetKind"
              label={t('evaluation.inspection.targetKind')}
              defaultValue={pre.project ? 'PROJECT' : 'UNIT'}
              options={[
                { value: 'UNIT', label: t('evaluation.target.UNIT') },
                { value: 'PROJECT', label: t('evaluation.target.PROJECT') },
              ]}
            />
            <FormSelect
              name="unitId"
              label={t('evaluation.inspection.unit')}
              defaultValue={pre.unit ?? ''}
              placeholder={t('evaluation.inspection.choose')}
              options={targets.units.map((u) => ({ value: u.id, label: `${'\u00a0'.repeat(2 * Math.max(0, u.depth - base))}${u.name}${u.pilotBatch ? ` · ${t('evaluation.pilot')}` : ''}` }))}
            />
            <FormSelect name="projectId" label={t('evaluation.inspection.project')} defaultValue={pre.project ?? ''} placeholder={t('evaluation.inspection.choose')} options={targets.projects.map((p) => ({ value: p.id, label: `${p.name} · ${p.unit}` }))} />
            <FormSelect name="templateId" label={t('evaluation.inspection.template')} defaultValue={pre.template ?? templates[0].id} options={templates.map((x) => ({ value: x.id, label: `${x.name}（${x.unit}）` }))} />
            <FormInput name="date" type="date" label={t('evaluation.inspection.date')} defaultValue={chinaDate()} />
          </ActionForm>
        </Card>
      )}
    </div>
  )
}
