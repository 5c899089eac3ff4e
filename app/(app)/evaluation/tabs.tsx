import { Link } from '@/components/ui/link'
import { LinkButton } from '@/components/ui/button'
import type { Scope } from '@/lib/server/authz/scope'
import { can } from '@/lib/server/authz/scope'
import type { MessageKey, Translate } from '@/lib/i18n'
import { PageHeader } from '@/components/ui/page-header'

const TABS: { href: string; label: MessageKey; show: (s: Scope) => boolean }[] = [
  { href: '/evaluation', label: 'evaluation.tab.overview', show: () => true },
  { href: '/evaluation/inspections', label: 'evaluation.tab.inspections', show: (s) => can(s, 'evaluation.manage') || can(s, 'evaluation.respond') },
  { href: '/evaluation/rectifications', label: 'evaluation.tab.rectifications', show: (s) => can(s, 'evaluation.manage') || can(s, 'evaluation.respond') },
  { href: '/evaluation/spot-checks', label: 'evaluation.tab.spotChecks', show: (s) => can(s, 'evaluation.manage') },
  { href: '/evaluation/templates', label: 'evaluation.tab.templates', show: (s) => can(s, 'evaluation.manage') },
  { href: '/evaluation/surveys', label: 'evaluation.tab.surveys', show: (s) => can(s, 'survey.manage') },
]

/** The sections of 评估体系 the caller may open; the current one highlighted. */
export function EvaluationTabs({ scope, t, active }: { scope: Scope; t: Translate; active: string }) {
  return (
    <nav className="flex flex-wrap gap-1 border-b border-stone-200 pb-2 text-sm" aria-label={t('nav.evaluation')}>
      {TABS.filter((x) => x.show(scope)).map((x) => (
        <Link
          key={x.href}
          href={x.href}
          aria-current={x.href === active ? 'page' : undefined}
          className={`rounded-md px-3 py-1.5 ${x.href === active ? 'bg-brand-50 font-medium text-brand-700' : 'text-stone-600 hover:bg-stone-100'}`}
        >
          {t(x.label)}
        </Link>
      ))}
    </nav>
  )
}

/** The head of an evaluation page: the title, its export and "new" action, then the tabs. */
export function EvaluationHeader({ scope, t, active, exportList, action }: { scope: Scope; t: Translate; active: string; exportList?: string; action?: { href: string; label: string } | null }) {
  return (
    <>
      <PageHeader
        title={t('evaluation.title')}
        exportLink={exportList ? { t, href: `/api/exports/${exportList}` } : undefined}
        actions={action ? <LinkButton href={action.href}>{action.label}</LinkButton> : null}
      />
      <EvaluationTabs scope={scope} t={t} active={active} />
    </>
  )
}
