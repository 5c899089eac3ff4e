import type { zhCN } from './zh-CN'
import { xlsxEn } from './xlsx.en'
import { fieldsEn } from './fields.en'
import { dashboardEn } from './dashboard.en'
import { volunteersEn } from './volunteers.en'
import { hoursEn } from './hours.en'
import { talentEn } from './talent.en'
import { evaluationEn } from './evaluation.en'
import { securityEn } from './security.en'
import { checkinEn } from './checkin.en'
import { teamsEn } from './teams.en'
import { textEn } from './text.en'
import { scheduleEn } from './schedule.en'
import { consentEn } from './consent.en'
import { listsEn } from './lists.en'
import { coreEn } from './core.en'
import { labelsEn } from './labels.en'
import { authEn } from './auth.en'
import { validationEn } from './validation.en'
import { projectsEn } from './projects.en'
import { peopleEn } from './people.en'
import { workflowEn } from './workflow.en'
import { tasksEn } from './tasks.en'
import { pointsEn } from './points.en'
import { casesEn } from './cases.en'

export const en: Record<keyof typeof zhCN, string> = {
  ...coreEn,
  ...labelsEn,
  ...authEn,
  ...validationEn,
  ...projectsEn,
  ...peopleEn,
  ...workflowEn,
  ...tasksEn,
  ...pointsEn,
  ...casesEn,
  ...xlsxEn,
  ...fieldsEn,
  ...dashboardEn,
  ...volunteersEn,
  ...hoursEn,
  ...talentEn,
  ...evaluationEn,
  ...securityEn,
  ...checkinEn,
  ...teamsEn,
  ...textEn,
  ...scheduleEn,
  ...consentEn,
  ...listsEn,
}
