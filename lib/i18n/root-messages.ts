import type { MessageKey } from './format'

/**
 * The messages every page carries to the browser, because client code anywhere may render them: the
 * error boundary (app/error.tsx), the pending label of every form and the 返回 of its confirmation
 * (components/ui/action-form.tsx), and the toasts' region and close button (components/ui/toast-viewport.tsx).
 * Anything else a client component renders is handed to it by its server parent (<ClientMessages>).
 */
export const ROOT_MESSAGES = ['error.title', 'error.body', 'error.retry', 'common.saving', 'common.back', 'common.close', 'nav.notifications'] as const satisfies readonly MessageKey[]
