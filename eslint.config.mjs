import next from 'eslint-config-next'
import nextTs from 'eslint-config-next/typescript'

const DB_IMPORTS = {
  patterns: [
    {
      group: ['**/generated/prisma', '**/generated/prisma/*', '@prisma/client', '@prisma/client/*', '@prisma/adapter-pg', '@electric-sql/pglite', 'pglite-prisma-adapter', 'pg'],
      message: 'Only the data access layer (lib/server/**) touches the database. Call a lib/server function that takes the caller\'s scope.',
    },
    {
      group: ['@/lib/server/db', '**/lib/server/db'],
      message: 'Only the data access layer (lib/server/**) may import the db client.',
    },
  ],
}

// one Link for the app: components/ui/link.tsx prefetches on intent, not on sight (issue 14)
const LINK_IMPORT = {
  name: 'next/link',
  message: "Use { Link } from '@/components/ui/link': it prefetches when a link is reached for, not every link in view.",
}

const config = [
  { ignores: ['.next/**', 'node_modules/**', 'lib/server/generated/**', '.data/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**', 'public/sw.js', 'reports/**'] },
  ...next,
  ...nextTs,
  // the DAL is the only code that imports the Prisma client (house rule 1); tests, factories and the
  // seed may build data directly
  { files: ['app/**', 'components/**', 'lib/**'], ignores: ['lib/server/**', 'components/ui/link.tsx'], rules: { 'no-restricted-imports': ['error', { ...DB_IMPORTS, paths: [LINK_IMPORT] }] } },
]

export default config
