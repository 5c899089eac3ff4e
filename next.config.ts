import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // keep PGlite's ~20 MB of wasm out of the bundles; loaded from node_modules at run time
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter'],
  poweredByHeader: false,
}

export default nextConfig
