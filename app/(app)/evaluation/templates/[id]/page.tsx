import type { Metadata } from 'next'
import { requirePermission, denyPage } from '@/lib/server/auth/session'
import { getTemplate } from '@/lib/server/evaluation/inspections'
import { idParam } from '@/lib/params'
import { getLocale, getT } from '@/lib/i18n/server'
import { formatDate } from '@/lib/format'
import { Badge, Card } from '@/components/ui/card'
import { DetailHeader } from '@/components/ui/detail'
import { ActionForm } from '@/components/ui/action-form'
import { LinkButton } from '@/components/ui/button'
import { archiveTemplateAction, updateTemplateAction } from '../../actions'
import { TemplateFields } from '../../template-fields'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('evaluation.tab.templates') }
}

/** A template: its items; editable until an inspection uses it, then only archivable. */
export default async function TemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const scope = await requirePermission('evaluation.manage')
  const r = await getTemplate(scope, await idParam(params))
  if (!r.ok) return denyPage()
  const tpl = r.value
  const t = await getT()
  const locale = await getLocale()
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <DetailHeader
        back="/evaluation/templates"
        backLabel={t('evaluation.tab.templates')}
        title={tpl.name}
        titleTestId="template-name"
        status={tpl.archivedAt ? <Badge>{t('evaluation.template.archived')}</Badge> : tpl.used ? <Badge>{t('evaluation.template.frozen')}</Badge> : null}
      />
      <p className="text-sm text-stone-600">
        {tpl.unit} · {formatDate(locale, tpl.createdAt)} · {t('evaluation.template.summary', { items: tpl.items.length, weight: tpl.totalWeight, used: tpl.used })}
      </p>
      <Card>
        <ol className="list-decimal space-y-1 pl-5 text-sm" data-testid="template-items">
          {tpl.items.map((i) => (
            <li key={i.id}>
              {i.text} <span className="text-stone-500">· {t('evaluation.template.weightOf', { weight: i.weight })}</span>
            </li>
          ))}
        </ol>
        {tpl.used ? <p className="mt-3 text-xs text-stone-500">{t('evaluation.template.frozenHint')}</p> : null}
      </Card>
      <div className="flex flex-wrap gap-2">
        {!tpl.archivedAt ? <LinkButton href={`/evaluation/inspections/new?template=${tpl.id}`}>{t('evaluation.inspection.new')}</LinkButton> : null}
        {tpl.canArchive ? <ActionForm action={archiveTemplateAction.bind(null, tpl.id)} submitLabel={t('evaluation.template.archive')} confirm={t('evaluation.template.archiveConfirm')} variant="danger" className="" /> : null}
      </div>
      {tpl.canEdit ? (
        <Card>
          <h2 className="mb-3 text-sm font-semibold">{t('evaluation.template.edit')}</h2>
          <ActionForm action={updateTemplateAction.bind(null, tpl.id)} submitLabel={t('common.save')}>
            <TemplateFields t={t} name={tpl.name} items={tpl.items} />
          </ActionForm>
        </Card>
      ) : null}
    </div>
  )
}
