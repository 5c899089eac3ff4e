import type { scheduleZhCN } from './schedule.zh-CN'

export const scheduleEn: Record<keyof typeof scheduleZhCN, string> = {
  'validation.startsAt.past': 'The start must be later than now. A service that already took place cannot be added as a task: the community admin records it as a signed hours correction (Rewards page).',
  'validation.startsAt.started': 'The task has started: its start can no longer be changed (the end, place and slots can).',
  'validation.signupDeadline.past': 'The sign-up deadline must be later than now, or nobody could sign up.',
  'validation.trainingDate.past': 'The training date cannot be before today: record a training before it takes place, and its attendance on or after the day.',
  'validation.surveyStart.past': 'The survey cannot start before today.',
  'validation.surveyEnd.past': 'The survey cannot end before today, or it would be over before it began.',
}
