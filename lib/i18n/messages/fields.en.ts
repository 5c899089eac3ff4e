// Messages of "nothing typed is lost": a field a step does not keep is refused, not accepted and dropped (merged by en.ts).
export const fieldsEn = {
  'validation.caseText.notTaken': 'This step takes no text: clear it and submit again',
  'validation.caseOutcome.notTaken': 'An outcome is chosen only when the case is closed',
} as const
