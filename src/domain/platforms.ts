import { z } from 'zod';

/**
 * The chat platforms a person can use Endorse from. The core names them only here: adapters say
 * which one they are, and services store the name on identities, submissions and notifications.
 */
export const PLATFORMS = ['WEB', 'TELEGRAM', 'SLACK', 'TEAMS'] as const;
export const platformSchema = z.enum(PLATFORMS);
export type PlatformName = z.infer<typeof platformSchema>;
