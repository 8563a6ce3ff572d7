import { SYSTEM_ACTOR } from '../../services';
import { z } from 'zod';
import { BOTH_SCOPES, defineRoute, OWNER_ONLY, type ApiRoute } from './route';
import {
  campaignPatchSchema,
  campaignSchema,
  deliveriesQuery,
  deliveriesRetriedSchema,
  retryDeliveriesBodySchema,
  deliverySchema,
  duplicateRuleSchema,
  idParams,
  newCampaignSchema,
  recruiterBodySchema,
  ruleParams,
} from './schemas';

const okSchema = z.object({ ok: z.literal(true) }).meta({ id: 'Ok' });

/** Campaigns, duplicate rules (owner keys) and the failed-deliveries list. */
export const adminRoutes: readonly ApiRoute[] = [
  defineRoute({
    method: 'get',
    path: '/campaigns',
    operationId: 'listCampaigns',
    summary: 'Every campaign, open ones first',
    tag: 'campaigns',
    scopes: BOTH_SCOPES,
    responses: [{ status: 200, description: 'Campaigns', schema: z.array(campaignSchema) }],
    async handler({ services }) {
      return { status: 200, json: await services.listCampaigns(SYSTEM_ACTOR) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/campaigns',
    operationId: 'createCampaign',
    summary: 'Create an open campaign (restricted to agencyIds when given)',
    tag: 'campaigns',
    scopes: OWNER_ONLY,
    body: newCampaignSchema,
    responses: [{ status: 201, description: 'Created', schema: campaignSchema }],
    async handler({ services, principal, body }) {
      const campaign = await services.createCampaign(principal.actorId, {
        name: body.name,
        openToAll: body.agencyIds.length === 0,
        agencyIds: body.agencyIds,
      });
      return { status: 201, json: campaign };
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/campaigns/{id}',
    operationId: 'updateCampaign',
    summary: 'Open or close a campaign, or set the agencies it is open to',
    tag: 'campaigns',
    scopes: OWNER_ONLY,
    params: idParams,
    body: campaignPatchSchema,
    responses: [{ status: 200, description: 'Updated', schema: campaignSchema }],
    async handler({ services, principal, params, body }) {
      if (body.agencyIds !== undefined) await services.setCampaignAgencies(principal.actorId, params.id, body.agencyIds);
      if (body.status !== undefined) await services.setCampaignStatus(principal.actorId, params.id, body.status);
      const campaign = (await services.listCampaigns(SYSTEM_ACTOR)).find((c) => c.id === params.id);
      return { status: 200, json: campaign };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/campaigns/{id}/recruiters',
    operationId: 'assignRecruiter',
    summary: 'Assign a recruiter to a campaign (they are notified of its agency comments)',
    tag: 'campaigns',
    scopes: OWNER_ONLY,
    params: idParams,
    body: recruiterBodySchema,
    responses: [{ status: 200, description: 'Assigned', schema: okSchema }],
    async handler({ services, principal, params, body }) {
      await services.assignRecruiter(principal.actorId, params.id, await services.findUserId(body.email));
      return { status: 200, json: { ok: true } };
    },
  }),
  defineRoute({
    method: 'put',
    path: '/duplicate-rules/{scope}',
    operationId: 'setDuplicateRule',
    summary: 'Set the global duplicate rule (`global`) or a campaign’s own rule (its id)',
    tag: 'campaigns',
    scopes: OWNER_ONLY,
    params: ruleParams,
    body: duplicateRuleSchema,
    responses: [{ status: 200, description: 'Saved', schema: duplicateRuleSchema }],
    async handler({ services, principal, params, body }) {
      await services.setDuplicateRule(principal.actorId, params.scope === 'global' ? null : params.scope, body);
      return { status: 200, json: body };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/deliveries',
    operationId: 'listDeliveries',
    summary: 'Notification deliveries, newest first; `failed` (default) lists what never arrived',
    tag: 'deliveries',
    scopes: OWNER_ONLY,
    query: deliveriesQuery,
    responses: [{ status: 200, description: 'Deliveries', schema: z.array(deliverySchema) }],
    async handler({ services, query }) {
      const rows = await services.listDeliveries(SYSTEM_ACTOR, {
        status: query.status,
        limit: query.limit,
        before: query.before ? new Date(query.before) : undefined,
      });
      return { status: 200, json: rows };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/deliveries/retry',
    operationId: 'retryDeliveries',
    summary: 'Send FAILED deliveries again (one more round of tries), all of them or the ids given',
    tag: 'deliveries',
    scopes: OWNER_ONLY,
    body: retryDeliveriesBodySchema,
    responses: [{ status: 202, description: 'Put back in line', schema: deliveriesRetriedSchema }],
    async handler({ services, principal, body }) {
      const { retried } = await services.retryDeliveries(principal.actorId, body.ids ? { ids: body.ids } : {});
      return { status: 202, json: { retried: retried.length, ids: retried.map((r) => r.id) } };
    },
  }),
];
