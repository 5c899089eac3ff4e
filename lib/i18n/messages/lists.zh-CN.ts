// 列表为空时的提示（由 zh-CN.ts 合并）：每个列表说出自己是什么为空，筛选后为空与本来为空分开说。
export const listsZhCN = {
  'needs.noMatch': '没有符合条件的需求',
  'resources.noMatch': '没有符合条件的资源',
  'services.noMatch': '没有符合条件的服务项目',
  'orders.noMatch': '没有该状态的派单',
  'tasks.staffEmpty': '暂无志愿任务',
  'tasks.staffEmptyHint': '队伍接单后发布的志愿任务会显示在这里。',
  'volunteer.empty': '还没有志愿者',
  'projects.noMatch': '没有符合条件的项目',
  'practice.noMatch': '没有符合条件的案例',
  'pilots.noMatch': '没有符合条件的试点社区',
  'audit.none': '暂无审计记录',
  // list columns and row marks
  'units.colLevel': '层级',
  'notifications.new': '未读',
  'notifications.at': '时间',
} as const
