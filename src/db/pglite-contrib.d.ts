// PGlite publishes its extensions under package "exports", which the project's node10 module
// resolution does not read; the types are the ones the package ships.
declare module '@electric-sql/pglite/contrib/pg_trgm' {
  export { pg_trgm } from '@electric-sql/pglite/dist/contrib/pg_trgm';
}
declare module '@electric-sql/pglite/contrib/btree_gin' {
  export { btree_gin } from '@electric-sql/pglite/dist/contrib/btree_gin';
}
