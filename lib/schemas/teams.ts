import { z } from './zod'
import { blankToUndefined, optionalText, text } from './common'

// Founding and running a team (志愿服务队 / 社会组织服务队). Forms and the server share these; messages are i18n keys.
export const TEAM_KINDS = ['VOLUNTEER_TEAM', 'SOCIAL_ORG'] as const
export const TEAM_CATEGORIES = ['PARTY_MEMBER', 'YOUTH', 'WOMEN', 'VETERAN', 'ELDERLY', 'PROFESSIONAL', 'OTHER'] as const

/**
 * The leader field: absent = not part of this form (kept as it is), blank = no leader, else a user id.
 * The form of a caller who may not choose leaders does not render the field at all.
 */
const leaderId = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), z.uuid({ error: 'validation.teamLeader.required' }).nullable().optional())

const teamFields = {
  name: text(2, 40, 'teamName'),
  kind: z.enum(TEAM_KINDS, { error: 'validation.teamKind.required' }),
  category: z.enum(TEAM_CATEGORIES, { error: 'validation.teamCategory.required' }),
  description: optionalText(300, 'teamDescription'),
  leaderId,
}

/** A new team of a community the caller may found teams in. */
export const ZCreateTeam = z.object({ orgUnitId: z.preprocess(blankToUndefined, z.uuid({ error: 'validation.teamUnit.required' })), ...teamFields })
export type TCreateTeam = z.infer<typeof ZCreateTeam>

/** A team's edit form: the same fields; a team stays in its community. */
export const ZUpdateTeam = z.object(teamFields)
export type TUpdateTeam = z.infer<typeof ZUpdateTeam>
