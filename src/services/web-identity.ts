import { z } from 'zod';
import { findDemoUsers } from '../demo/seed';
import { writeAudit } from './audit';
import type { ServiceDeps } from './deps';
import { ForbiddenError } from './errors';
import { parseOrThrow } from './validate';

export const demoWebSignInInput = z.object({
  userId: z.string().min(1),
  /** The web chat session id: it becomes the WEB identity's platformUserId. */
  sessionId: z.string().min(16).max(100),
});
export type DemoWebSignInInput = z.input<typeof demoWebSignInInput>;

export interface DemoWebSignIn {
  userId: string;
  name: string;
  role: string;
  agency: string | null;
}

/**
 * "Sign in as" on the demo database: binds a fresh web chat session to one of the seeded demo
 * users. Only a seeded, active demo user can be chosen, so on a real database (no demo users)
 * this refuses and access stays by invitation only (DESIGN §1).
 */
export async function bindDemoWebIdentity(deps: ServiceDeps, raw: DemoWebSignInInput): Promise<DemoWebSignIn> {
  const input = parseOrThrow(demoWebSignInInput, raw);
  const demo = (await findDemoUsers(deps.db)).find((u) => u.id === input.userId);
  if (!demo) throw new ForbiddenError({ key: 'svc.demoOnly' });
  await deps.db.$transaction(async (tx) => {
    await tx.chatIdentity.create({
      data: {
        userId: demo.id,
        platform: 'WEB',
        workspaceId: '',
        platformUserId: input.sessionId,
        address: { sessionId: input.sessionId },
      },
    });
    await writeAudit(tx, {
      actorId: demo.id,
      action: 'identity.demo-sign-in',
      targetType: 'user',
      targetId: demo.id,
      details: { platform: 'WEB' },
    });
  });
  return { userId: demo.id, name: demo.name, role: demo.role, agency: demo.agency };
}
