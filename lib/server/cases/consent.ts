import 'server-only'
import { chinaDate, chinaYear } from '@/lib/china-time'

// Consent to a case, in one place (PIPL Art. 14, 31): nothing beyond intake (接案) — no stage move, no
// sensitive field — without the consent the person's age asks for.
//
//   - 14 or older (or age not recorded): the person's own consent (consentAt).
//   - under 14: a guardian's consent (guardianConsentAt) is the consent; the child's own assent may be
//     recorded beside it (consentBy + childAssentAt) and is never required. What a child under 14 says is
//     recorded only as that assent: it is not the person's consent (consentAt stays empty).
//   - a child who turns 14 during the case: from that day on, further stage moves and sensitive saves
//     need their own consent when only a guardian had consented; the guardian's consent stays on record.
//
// How old is the person? As precisely as the case's data allows, in China dates:
//   - the ID number, once one is on record (GB 11643 digits 7–14 are the birth date): exact — under 14
//     until the 14th birthday (a 29 February birthday falls on 1 March in other years);
//   - else the birth year: certainly under 14 while (this year − birth year) ≤ 13, certainly 14 or older
//     from (this year − birth year) ≥ 15. In the year between, the year of the 14th birthday, the data
//     cannot tell whether the birthday has passed, so both consents are asked for — the guardian's in case
//     the child is still 13, their own in case they are already 14 (TURNING_14);
//   - no birth year: treated as 14 or older (the person's own consent). A worker who knows the person is
//     a child records the birth year at intake.

export type AgeBand = 'UNDER_14' | 'TURNING_14' | 'OVER_14'

/** 'yyyy-MM-dd' birth date of a valid ID number (digits 7–14). */
export const birthDateOfIdNumber = (id: string) => `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`

/** The person's age band on the China date of `now` (see above). */
export function ageBand(person: { birthYear: number | null; birthDate?: string | null }, now: Date): AgeBand {
  if (person.birthDate) {
    const fourteenth = `${Number(person.birthDate.slice(0, 4)) + 14}${person.birthDate.slice(4)}`
    return chinaDate(now) < fourteenth ? 'UNDER_14' : 'OVER_14'
  }
  if (person.birthYear === null) return 'OVER_14'
  const years = chinaYear(now) - person.birthYear
  return years <= 13 ? 'UNDER_14' : years === 14 ? 'TURNING_14' : 'OVER_14'
}

type OnRecord = { consentAt: Date | null; guardianConsentAt: Date | null }

/** Which consents the band asks for that are not on record (empty: the case may go beyond intake). */
export function missingConsents(c: OnRecord, band: AgeBand): ('own' | 'guardian')[] {
  const own = band !== 'UNDER_14' && !c.consentAt
  const guardian = band !== 'OVER_14' && !c.guardianConsentAt
  return [...(own ? (['own'] as const) : []), ...(guardian ? (['guardian'] as const) : [])]
}

/**
 * The message for a missing consent: for a stage move (`stage`, shown on the step's form) or for the
 * consent fields of the sensitive form (`sensitive`: consentBy for the person's own, guardianName for the
 * guardian's).
 */
export function missingConsentMessage(c: OnRecord, band: AgeBand, missing: 'own' | 'guardian', context: 'stage' | 'sensitive'): string {
  if (band === 'TURNING_14') return 'validation.consent.turning14'
  if (missing === 'guardian') return context === 'stage' ? 'validation.consent.stageGuardian' : 'validation.guardianConsent.required'
  // the person's own consent: a child who has turned 14 since their guardian consented is told why
  if (c.guardianConsentAt) return 'validation.consent.ownAt14'
  return context === 'stage' ? 'validation.consent.stage' : 'validation.consent.required'
}

/**
 * What a consent form may record for the band, as the update to write, or field errors. The person's own
 * word (consentBy) is their consent from 14 on (and in the year of the 14th birthday), a child's assent
 * below. Each is recorded once: a second is refused rather than silently dropped; a guardian's consent is
 * not taken for a person of 14 or older.
 */
export function consentUpdate(
  c: OnRecord & { childAssentAt: Date | null },
  d: { consentBy?: string; guardianName?: string },
  band: AgeBand,
  now: Date,
): { data: { consentBy?: string; consentAt?: Date; childAssentAt?: Date; guardianName?: string; guardianConsentAt?: Date }; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const data: { consentBy?: string; consentAt?: Date; childAssentAt?: Date; guardianName?: string; guardianConsentAt?: Date } = {}
  if (d.consentBy) {
    if (band === 'UNDER_14') {
      if (c.childAssentAt) errors.consentBy = 'validation.childAssent.already'
      else Object.assign(data, { consentBy: d.consentBy, childAssentAt: now })
    } else if (c.consentAt) errors.consentBy = 'validation.consent.already'
    else Object.assign(data, { consentBy: d.consentBy, consentAt: now })
  }
  if (d.guardianName) {
    if (c.guardianConsentAt) errors.guardianName = 'validation.guardianConsent.already'
    else if (band === 'OVER_14') errors.guardianName = 'validation.guardianConsent.over14'
    else Object.assign(data, { guardianName: d.guardianName, guardianConsentAt: now })
  }
  return { data, errors }
}
