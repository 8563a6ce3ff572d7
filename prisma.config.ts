import path from 'node:path';
import { defineConfig } from 'prisma/config';

// Only `prisma generate` runs on our machines (DESIGN §5); the URL matters to the Prisma CLI on a
// connected machine, e.g. `prisma migrate status` to confirm our migrations agree with Prisma's.
export default defineConfig({
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/postgres' },
});
