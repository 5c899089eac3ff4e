import type { MessageKey } from '@/lib/i18n/format'

/** Per list: the summary, the duplicates hint and the "view the list" link of the import panel. */
export const IMPORT_TEXT = {
  needs: { summary: 'xlsx.panel.summary', duplicates: 'xlsx.panel.duplicatesHint', view: 'xlsx.panel.viewNeeds' },
  resources: { summary: 'xlsx.panel.summary', duplicates: 'xlsx.panel.duplicatesHint', view: 'xlsx.panel.viewResources' },
  volunteers: { summary: 'xlsx.panel.summaryVolunteers', duplicates: 'xlsx.panel.duplicatesHintVolunteers', view: 'xlsx.panel.viewVolunteers' },
} as const satisfies Record<string, Record<string, MessageKey>>

const COMMON = [
  'notFound.body',
  'xlsx.error.failed',
  'xlsx.error.network',
  'xlsx.error.noFile',
  'xlsx.error.notXlsx',
  'xlsx.error.tooLarge',
  'xlsx.panel.again',
  'xlsx.panel.allGood',
  'xlsx.panel.errorFile',
  'xlsx.panel.errorFileHint',
  'xlsx.panel.file',
  'xlsx.panel.progress',
  'xlsx.panel.progressLabel',
  'xlsx.panel.submit',
  'xlsx.panel.template',
  'xlsx.panel.uploading',
] as const satisfies readonly MessageKey[]

/** What the import panel of each list renders (its page hands these over: <ClientMessages>). */
export const IMPORT_PANEL_MESSAGES: Record<keyof typeof IMPORT_TEXT, readonly MessageKey[]> = {
  needs: [...COMMON, ...Object.values(IMPORT_TEXT.needs)],
  resources: [...COMMON, ...Object.values(IMPORT_TEXT.resources)],
  volunteers: [...COMMON, ...Object.values(IMPORT_TEXT.volunteers)],
}
