// Messages of points and rewards (merged by en.ts).
import type { pointsZhCN } from './points.zh-CN'

export const pointsEn: Record<keyof typeof pointsZhCN, string> = {
  "points.title": "My points and service hours",
  "points.balance": "Points",
  "points.hours": "Service hours",
  "points.stars": "Stars",
  "points.toNext": "{hours} hours to the next star",
  "points.top": "Top star level reached",
  "points.rule": "Rule: {points, plural, one {{points} point} other {{points} points}} per hour of service",
  "points.catalogue": "Rewards",
  "points.noItems": "No rewards offered yet",
  "points.exchange": "Exchange",
  "points.exchangeConfirm": "Exchange your points for this item?",
  "points.cost": "{cost} points",
  "points.stock": "{stock} left",
  "points.ledger": "Points history",
  "points.noEntries": "No points yet",
  "points.exchanged": "Exchanged",
  "pointsKind.SERVICE": "Service",
  "pointsKind.AWARD": "Award",
  "pointsKind.EXCHANGE": "Exchange",
  "pointsKind.ADJUSTMENT": "Adjustment",
  "rewards.title": "Rewards",
  "rewards.add": "Add a reward",
  "rewards.award": "Award points",
}
