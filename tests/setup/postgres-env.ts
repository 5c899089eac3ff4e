// Runs in each worker of the `postgres` project before a test file: point the DAL at the run's database.
import { inject } from 'vitest'

process.env.DATABASE_URL = inject('databaseUrl')
