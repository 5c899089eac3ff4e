import type { MessageKey } from './format'

/**
 * The messages every page carries to the browser, because client code anywhere may render them: the
 * error boundary (app/error.tsx) and the pending label of every form (components/ui/action-form.tsx).
 * Anything else a client component renders is handed to it by its server parent (<ClientMessages>).
 */
export const ROOT_MESSAGES = ['error.title', 'error.body', 'error.retry', 'common.saving', 'common.back'] as const satisfies readonly MessageKey[]
