import { defineConfig } from 'prisma/config'

// Only the schema and migrations path: the native schema engine cannot be downloaded here, so
// migrations run through prisma/migrator.mjs (wasm schema engine). See docs/ARCHITECTURE.md.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
})
