import type { Core } from './app';
import type { Mount } from './http/app';

/**
 * The parts of the product mounted on the shared HTTP app and the job queue. Adding a platform is
 * one line here; the engine and services never learn of it.
 */
export const productMounts: readonly ((core: Core) => Mount)[] = [];

export const productJobs: readonly ((core: Core) => void)[] = [];
