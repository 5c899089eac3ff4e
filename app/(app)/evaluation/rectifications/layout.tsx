import { requireAnyOf } from '../guard'

// The list's gate, ahead of its loading skeleton: once the skeleton has streamed the status is sent, so a
// caller without the permission must be refused here to get a real 404 (the page checks again).
export default async function Layout({ children }: { children: React.ReactNode }) {
  await requireAnyOf('evaluation.manage', 'evaluation.respond')
  return children
}
