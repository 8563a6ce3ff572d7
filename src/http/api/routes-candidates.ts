import { SYSTEM_ACTOR } from '../../services';
import type { ApiPrincipal } from '../../services/api-keys';
import type { Services } from '../../services';
import { NotFoundError } from '../../services/errors';
import { ApiProblem } from './problem';
import { BOTH_SCOPES, defineRoute, type ApiRoute } from './route';
import {
  candidatePageSchema,
  candidateProfileSchema,
  candidatesQuery,
  commentBodySchema,
  commentCreatedSchema,
  EXTERNAL_SOURCE_WORDS,
  externalCandidateSchema,
  newExternalCandidateSchema,
  refParams,
  stageBodySchema,
  stageChangedSchema,
} from './schemas';

/**
 * The acting user of a write: the named author, else the user the key acts as. A recruiter key
 * can only speak for recruiters; an owner key for recruiters and owners. An unknown email and a
 * user the key may not act as get the same answer, so the API tells no caller which emails exist.
 */
export async function authorOf(services: Services, principal: ApiPrincipal, authorEmail: string | undefined): Promise<string> {
  if (!authorEmail) {
    if (principal.actorId !== SYSTEM_ACTOR) return principal.actorId;
    throw new ApiProblem(422, 'author-required', 'Author required', 'This API key acts as no user: give authorEmail.', {
      errors: [{ path: 'body.authorEmail', message: 'Required for this key.' }],
    });
  }
  const allowed = principal.scope === 'OWNER' ? ['OWNER', 'RECRUITER'] : ['RECRUITER'];
  const userId = await services.findUserId(authorEmail).catch((error: unknown) => {
    if (error instanceof NotFoundError) return null;
    throw error;
  });
  const user = userId ? await services.getUser(SYSTEM_ACTOR, userId) : null;
  if (!user || !allowed.includes(user.role)) {
    const who = principal.scope === 'OWNER' ? 'a recruiter or an owner' : 'a recruiter';
    throw new ApiProblem(
      403,
      'author-not-allowed',
      'Author not allowed',
      `This key can act only as ${who} of Endorse, and authorEmail names none: check the address.`,
      { errors: [{ path: 'body.authorEmail', message: `Not ${who} this key can act as.` }] },
    );
  }
  return user.id;
}

export const candidateRoutes: readonly ApiRoute[] = [
  defineRoute({
    method: 'get',
    path: '/candidates',
    operationId: 'listCandidates',
    summary: 'List submissions with their candidates (the Agency Pool of every agency, or one with agencyId)',
    tag: 'candidates',
    scopes: BOTH_SCOPES,
    query: candidatesQuery,
    responses: [{ status: 200, description: 'One page', schema: candidatePageSchema }],
    async handler({ services, query }) {
      const { from, to, ...rest } = query;
      const page = await services.listDashboard(SYSTEM_ACTOR, {
        view: 'pool',
        ...rest,
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
      });
      // The documented page: what the chat needs beside it (who may open what) stays out.
      return {
        status: 200,
        json: {
          rows: page.rows.map((r) => ({
            submissionId: r.submissionId,
            candidateRef: r.candidateRef,
            firstName: r.firstName,
            lastName: r.lastName,
            outcome: r.outcome,
            stage: r.stage,
            campaign: r.campaign,
            submittedAt: r.submittedAt,
            submittedBy: r.submittedBy,
            firstAddedAt: r.firstAddedAt,
            possibleDuplicateOf: r.possibleDuplicateOf,
          })),
          total: page.total,
          totalCapped: page.totalCapped,
          page: page.page,
          pageCount: page.pageCount,
          metrics: page.metrics,
        },
      };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/candidates',
    operationId: 'registerCandidate',
    summary:
      'Register a candidate from another source (direct applicant, referral, vendor); idempotent on externalId. The answer says whether an agency already holds the person',
    tag: 'candidates',
    scopes: BOTH_SCOPES,
    body: newExternalCandidateSchema,
    responses: [
      { status: 201, description: 'Registered', schema: externalCandidateSchema },
      {
        status: 200,
        description: 'Registered before with the same details: the same record, nothing created',
        schema: externalCandidateSchema,
      },
    ],
    problems: [{ status: 409, description: 'This externalId is registered with other details' }],
    async handler({ services, principal, body }) {
      const { created, candidate } = await services.registerExternalCandidate(principal.actorId, {
        ...body,
        source: body.source.toUpperCase() as Uppercase<(typeof EXTERNAL_SOURCE_WORDS)[number]>,
      });
      return {
        status: created ? 201 : 200,
        json: { ...candidate, source: candidate.source.toLowerCase() },
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/candidates/{ref}',
    operationId: 'getCandidate',
    summary: 'A candidate with the comment thread, who holds them until when, and possible duplicates',
    tag: 'candidates',
    scopes: BOTH_SCOPES,
    params: refParams,
    responses: [{ status: 200, description: 'The candidate', schema: candidateProfileSchema }],
    async handler({ services, params }) {
      // The keys are the employer's (owner or recruiter scope): they see the holding agency.
      const profile = await services.getCandidateProfile(SYSTEM_ACTOR, params.ref);
      const { ownership, ...rest } = profile;
      if (ownership.viewer !== 'employer') throw new Error('an API key read a profile as an agency');
      const { viewer: _viewer, ...held } = ownership;
      return { status: 200, json: { ...rest, ownership: held } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/candidates/{ref}/resume',
    operationId: 'getCandidateResume',
    summary: 'The original resume file as submitted',
    tag: 'candidates',
    scopes: BOTH_SCOPES,
    params: refParams,
    responses: [{ status: 200, description: 'The file (PDF, DOCX, JPEG or PNG)', contentType: 'application/octet-stream' }],
    async handler({ services, params }) {
      const file = await services.getCandidateResume(SYSTEM_ACTOR, params.ref);
      return { status: 200, bytes: file.data, contentType: file.contentType, filename: file.filename };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/candidates/{ref}/comments',
    operationId: 'addComment',
    summary: 'Add a recruiter comment; the submitting agency user and the agency admins get it in chat',
    tag: 'candidates',
    scopes: BOTH_SCOPES,
    params: refParams,
    body: commentBodySchema,
    responses: [{ status: 201, description: 'Comment added', schema: commentCreatedSchema }],
    async handler({ services, principal, params, body }) {
      const author = await authorOf(services, principal, body.authorEmail);
      const added = await services.addComment(author, params.ref, body.body);
      return { status: 201, json: { commentId: added.commentId, candidateRef: added.candidateRef } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/candidates/{ref}/stage',
    operationId: 'changeStage',
    summary: 'Move a candidate to another pipeline stage; the submitter is notified',
    tag: 'candidates',
    scopes: BOTH_SCOPES,
    params: refParams,
    body: stageBodySchema,
    responses: [{ status: 200, description: 'Stage changed', schema: stageChangedSchema }],
    async handler({ services, principal, params, body }) {
      const author = await authorOf(services, principal, body.authorEmail);
      const changed = await services.changeStage(author, params.ref, body.stage);
      return { status: 200, json: { candidateRef: changed.candidateRef, from: changed.from, to: changed.to } };
    },
  }),
];
