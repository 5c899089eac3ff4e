import { z } from 'zod'

// The zod every schema here is built with. In the browser zod is told not to compile parsers from
// strings (jitless): the nonce CSP (proxy.ts) forbids eval, and zod's probe for it (`new Function`,
// run when the first object schema is built) would be reported as a CSP violation even though zod
// falls back quietly. The server keeps the compiled parsers.
if (typeof window !== 'undefined') z.config({ jitless: true })

export { z }
