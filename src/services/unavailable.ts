/** For the engine and the runners: whether a failure was the database being out of reach (see src/db). */
export { isDatabaseUnreachable } from '../db/unreachable';
