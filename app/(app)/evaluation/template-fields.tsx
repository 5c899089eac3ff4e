import { FormInput } from '@/components/ui/action-form'
import { MAX_WEIGHT, TEMPLATE_ROWS } from '@/lib/schemas/evaluation'
import type { Translate } from '@/lib/i18n'

/** Name and item rows of a checklist template (blank rows are ignored; errors keep the row number). */
export function TemplateFields({ t, name, items = [] }: { t: Translate; name?: string; items?: { text: string; weight: number }[] }) {
  return (
    <>
      <FormInput name="name" label={t('evaluation.template.name')} defaultValue={name} required />
      <p className="text-xs text-stone-500">{t('evaluation.template.itemsHint', { max: MAX_WEIGHT })}</p>
      {Array.from({ length: Math.max(TEMPLATE_ROWS, items.length) }, (_, i) => (
        <div key={i} className="grid grid-cols-[1fr_6rem] gap-2">
          <FormInput name={`items.${i}.text`} label={t('evaluation.template.item', { n: i + 1 })} defaultValue={items[i]?.text} />
          <FormInput name={`items.${i}.weight`} label={t('evaluation.template.weight', { n: i + 1 })} inputMode="numeric" defaultValue={items[i]?.weight} />
        </div>
      ))}
    </>
  )
}
