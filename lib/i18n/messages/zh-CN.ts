// 简体中文（默认）。键的来源：en.ts 必须拥有全部相同的键。
import { xlsxZhCN } from './xlsx.zh-CN'
import { fieldsZhCN } from './fields.zh-CN'
import { dashboardZhCN } from './dashboard.zh-CN'
import { volunteersZhCN } from './volunteers.zh-CN'
import { hoursZhCN } from './hours.zh-CN'
import { talentZhCN } from './talent.zh-CN'
import { evaluationZhCN } from './evaluation.zh-CN'
import { securityZhCN } from './security.zh-CN'
import { checkinZhCN } from './checkin.zh-CN'
import { teamsZhCN } from './teams.zh-CN'
import { textZhCN } from './text.zh-CN'
import { scheduleZhCN } from './schedule.zh-CN'
import { consentZhCN } from './consent.zh-CN'
import { listsZhCN } from './lists.zh-CN'
import { coreZhCN } from './core.zh-CN'
import { labelsZhCN } from './labels.zh-CN'
import { authZhCN } from './auth.zh-CN'
import { validationZhCN } from './validation.zh-CN'
import { projectsZhCN } from './projects.zh-CN'
import { peopleZhCN } from './people.zh-CN'
import { workflowZhCN } from './workflow.zh-CN'
import { tasksZhCN } from './tasks.zh-CN'
import { pointsZhCN } from './points.zh-CN'
import { casesZhCN } from './cases.zh-CN'

export const zhCN = {
  ...coreZhCN,
  ...labelsZhCN,
  ...authZhCN,
  ...validationZhCN,
  ...projectsZhCN,
  ...peopleZhCN,
  ...workflowZhCN,
  ...tasksZhCN,
  ...pointsZhCN,
  ...casesZhCN,
  ...xlsxZhCN,
  ...fieldsZhCN,
  ...dashboardZhCN,
  ...volunteersZhCN,
  ...hoursZhCN,
  ...talentZhCN,
  ...evaluationZhCN,
  ...securityZhCN,
  ...checkinZhCN,
  ...teamsZhCN,
  ...textZhCN,
  ...scheduleZhCN,
  ...consentZhCN,
  ...listsZhCN,
} as const
