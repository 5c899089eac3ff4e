import type { listsZhCN } from './lists.zh-CN'

export const listsEn: Record<keyof typeof listsZhCN, string> = {
  'needs.noMatch': 'No needs match',
  'resources.noMatch': 'No resources match',
  'services.noMatch': 'No services match',
  'orders.noMatch': 'No orders with this status',
  'tasks.staffEmpty': 'No volunteer tasks yet',
  'tasks.staffEmptyHint': 'Tasks published by teams after claiming an order appear here.',
  'volunteer.empty': 'No volunteers yet',
  'projects.noMatch': 'No projects match',
  'practice.noMatch': 'No practice cases match',
  'pilots.noMatch': 'No pilot communities match',
  'audit.none': 'No audit entries yet',
  // list columns and row marks
  'units.colLevel': 'Level',
  'notifications.new': 'Unread',
  'notifications.at': 'Time',
}
