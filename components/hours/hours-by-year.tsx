import type { Translate } from '@/lib/i18n'

/** A certificate's hours by year (printed and on the public check), with the total as footer when given. */
export function HoursByYearTable({ t, byYear, total, testId, totalTestId, dense = false }: { t: Translate; byYear: { year: number; hours: number }[]; total?: number; testId: string; totalTestId?: string; dense?: boolean }) {
  const cell = dense ? 'py-1' : 'py-1.5'
  return (
    <table className="mt-2 w-full border-collapse text-sm" data-testid={testId}>
      <thead>
        <tr className={`border-b text-left ${dense ? 'border-stone-300' : 'border-stone-400'}`}>
          <th scope="col" className={`${cell} font-medium`}>
            {t('certificate.year')}
          </th>
          <th scope="col" className={`${cell} text-right font-medium`}>
            {t('certificate.hours')}
          </th>
        </tr>
      </thead>
      <tbody>
        {byYear.length === 0 ? (
          <tr>
            <td colSpan={2} className={`${cell} text-stone-500`}>
              {t('certificate.noHours')}
            </td>
          </tr>
        ) : null}
        {byYear.map((y) => (
          <tr key={y.year} className={`border-b ${dense ? 'border-stone-100' : 'border-stone-200'}`}>
            <td className={cell}>{t('certificate.yearValue', { year: y.year })}</td>
            <td className={`${cell} text-right tabular-nums`}>{y.hours}</td>
          </tr>
        ))}
      </tbody>
      {total !== undefined ? (
        <tfoot>
          <tr className="font-semibold">
            <th scope="row" className={`${cell} text-left`}>
              {t('certificate.total')}
            </th>
            <td className={`${cell} text-right tabular-nums`} data-testid={totalTestId}>
              {total}
            </td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  )
}
