import { canViewCandidate } from '../domain/permissions';
import { assertAllowed, loadActor } from './actor';
import type { ServiceDeps } from './deps';
import { NotFoundError } from './errors';
import type { StoredFileData } from './files';

/** The original resume file of a candidate, for whoever may view the candidate. */
export async function getCandidateResume(deps: ServiceDeps, actorId: string, ref: number): Promise<StoredFileData> {
  const actor = await loadActor(deps.sql, actorId);
  const c = await deps.db.candidate.findUnique({
    where: { ref },
    select: {
      agencyId: true,
      submittedById: true,
      resumeFile: { select: { id: true, filename: true, contentType: true, size: true, sha256: true, data: true } },
    },
  });
  // Out of scope reads as missing (no existence oracle); a disabled actor is told so.
  const decision = c ? canViewCandidate(actor, c) : null;
  if (!c || (decision && !decision.allowed && actor.active))
    throw new NotFoundError({ key: 'svc.noCandidateShort', params: { ref: `C-${ref}` } });
  if (decision) assertAllowed(decision);
  if (!c.resumeFile) throw new NotFoundError({ key: 'svc.noResume', params: { ref: `C-${ref}` } });
  return { ...c.resumeFile, data: Buffer.from(c.resumeFile.data) };
}
