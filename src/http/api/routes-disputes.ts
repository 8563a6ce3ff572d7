import { z } from 'zod';
import { DISPUTABLE_OUTCOMES, DISPUTE_DECISIONS, DISPUTE_REASON_MAX, DISPUTE_STATUSES } from '../../domain/disputes';
import { SYSTEM_ACTOR } from '../../services';
import { BOTH_SCOPES, defineRoute, type ApiRoute } from './route';
import { authorOf } from './routes-candidates';

/**
 * Disputes (issue 19) for the employer's systems: the agencies' disputes of DUPLICATE, BLOCKED and
 * ALREADY_IN_SYSTEM outcomes, listed and decided. A decision made here reaches the disputing agency in chat like one
 * made in chat (the services given to the API notify).
 */

const disputeParams = z.object({
  id: z.string().min(1).max(100).describe('The dispute’s id, or its reference (D-12)'),
});

const disputeSchema = z
  .object({
    id: z.string(),
    ref: z.number().int().describe('Shown as D-<ref> in chat'),
    status: z.enum(DISPUTE_STATUSES),
    outcome: z
      .string()
      .describe(
        'The contested outcome: DUPLICATE or BLOCKED (another agency held the person), or ALREADY_IN_SYSTEM or BLOCKED (the employer’s own record did)',
      ),
    submissionRef: z.string().describe('The disputed submission (or blocked attempt) as the agency sees it: S-1a2b3c4d'),
    reason: z.string(),
    createdAt: z.iso.datetime(),
    agency: z.object({ id: z.string(), name: z.string() }).describe('The disputing agency'),
    openedBy: z.string(),
    ownerAgency: z
      .object({ id: z.string(), name: z.string() })
      .nullable()
      .describe('The agency that held the candidate when it was opened; null when the employer’s own record did'),
    employerRecord: z
      .object({
        id: z.string(),
        externalId: z.string().describe('The id the ATS registered the person under (POST /candidates)'),
        source: z.string(),
        superseded: z.boolean().describe('A transfer gave the person to the disputing agency: the record no longer counts'),
      })
      .nullable()
      .describe('The employer’s own record that held the person (ALREADY_IN_SYSTEM, or BLOCKED by it); null when an agency did'),
    candidate: z
      .object({ id: z.string(), ref: z.number().int(), name: z.string() })
      .nullable()
      .describe(
        'The disputed candidate; when the employer’s record held the person, null until a transfer creates the agency’s candidate',
      ),
    person: z
      .string()
      .describe('The disputed person’s name; for a blocked attempt (nothing of it was kept) the employer’s record’s, else empty'),
    campaign: z.object({ id: z.string(), name: z.string() }).describe('The campaign the disputing agency submitted to'),
    evidence: z.object({ filename: z.string(), contentType: z.string(), size: z.number().int() }).nullable(),
    decision: z
      .object({
        decision: z.enum(DISPUTE_DECISIONS),
        reason: z.string(),
        by: z.string(),
        at: z.iso.datetime(),
        ownershipUntil: z.iso
          .datetime()
          .nullable()
          .describe(
            'The last day of the ownership the decision leaves (the disputing agency’s new window after a transfer); null after upholding the employer’s own record',
          ),
      })
      .nullable(),
  })
  .meta({ id: 'Dispute' });

const disputePageSchema = z
  .object({ rows: z.array(disputeSchema), total: z.number().int(), page: z.number().int(), pageCount: z.number().int() })
  .meta({ id: 'DisputePage' });

const disputesQuery = z
  .object({
    status: z
      .string()
      .transform((s) => s.toUpperCase())
      .pipe(z.enum(DISPUTE_STATUSES))
      .optional()
      .describe('OPEN, UPHELD or TRANSFERRED; absent: every status'),
    outcome: z
      .string()
      .transform((s) => s.toUpperCase())
      .pipe(z.enum(DISPUTABLE_OUTCOMES))
      .optional()
      .describe('DUPLICATE, BLOCKED or ALREADY_IN_SYSTEM; absent: every outcome'),
    campaignId: z.string().max(100).optional().describe('The campaign the disputing agency submitted to'),
    agencyId: z.string().max(100).optional().describe('The disputing agency'),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();

const decisionBodySchema = z
  .object({
    decision: z
      .enum(DISPUTE_DECISIONS)
      .describe(
        'uphold: nothing changes; transfer: the candidate becomes the disputing agency’s (held by the employer’s record: a candidate is created from the disputed submission, or for a block from the record itself, which needs its phone and email; the record stops counting)',
      ),
    reason: z.string().trim().min(1).max(DISPUTE_REASON_MAX).describe('Told to the disputing agency with the decision'),
    authorEmail: z.email().max(254).optional().describe('Email of the recruiter (or owner) deciding'),
  })
  .strict()
  .meta({ id: 'DisputeDecision' });

export const disputeRoutes: readonly ApiRoute[] = [
  defineRoute({
    method: 'get',
    path: '/disputes',
    operationId: 'listDisputes',
    summary: 'List the agencies’ disputes, newest first, by status, campaign and disputing agency',
    tag: 'disputes',
    scopes: BOTH_SCOPES,
    query: disputesQuery,
    responses: [{ status: 200, description: 'One page', schema: disputePageSchema }],
    async handler({ services, query }) {
      const page = await services.listDisputes(SYSTEM_ACTOR, query);
      return { status: 200, json: { ...page, rows: page.rows } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/disputes/{id}',
    operationId: 'getDispute',
    summary: 'One dispute, with its decision once decided',
    tag: 'disputes',
    scopes: BOTH_SCOPES,
    params: disputeParams,
    responses: [{ status: 200, description: 'The dispute', schema: disputeSchema }],
    async handler({ services, params }) {
      return { status: 200, json: await services.getDispute(SYSTEM_ACTOR, params.id) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/disputes/{id}/evidence',
    operationId: 'getDisputeEvidence',
    summary: 'The file the agency sent as evidence',
    tag: 'disputes',
    scopes: BOTH_SCOPES,
    params: disputeParams,
    responses: [{ status: 200, description: 'The file (PDF, DOCX, JPEG or PNG)', contentType: 'application/octet-stream' }],
    async handler({ services, params }) {
      const file = await services.getDisputeEvidence(SYSTEM_ACTOR, params.id);
      return { status: 200, bytes: file.data, contentType: file.contentType, filename: file.filename };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/disputes/{id}/decision',
    operationId: 'decideDispute',
    summary:
      'Decide an open dispute: uphold it, or transfer the candidate to the disputing agency with a new window from now; the agency is told in chat with the reason',
    tag: 'disputes',
    scopes: BOTH_SCOPES,
    params: disputeParams,
    body: decisionBodySchema,
    // A dispute decided already answers 409 (conflict) as a problem.
    responses: [{ status: 200, description: 'Decided', schema: disputeSchema }],
    async handler({ services, principal, params, body }) {
      const author = await authorOf(services, principal, body.authorEmail);
      const decided = await services.decideDispute(author, { dispute: params.id, decision: body.decision, reason: body.reason });
      return { status: 200, json: await services.getDispute(SYSTEM_ACTOR, decided.disputeId) };
    },
  }),
];
