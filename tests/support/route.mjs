// Walks cases along the meldroute over HTTP for the API tests: valid bodies per step and a builder
// that brings a fresh case to a given state. Every call asserts success, so a setup failure is loud.
import { api, isoDate } from './server.mjs';

/** The case states in route order. */
export const CASE_STATES = ['vastgelegd', 'verrijkt', 'gewogen', 'doorgezet', 'teruggekoppeld', 'afgesloten'];

/** A valid signal body; `overrides` replaces fields. */
export function signalBody(overrides = {}) {
  return {
    channel: 'formulier',
    narrative: 'Drie mannen slapen in een bedrijfshal en werken er zeven dagen per week.',
    indicatorCodes: ['ARB-02', 'ALG-01'],
    ...overrides,
  };
}

async function expectStatus(promise, status, what) {
  const response = await promise;
  if (response.status !== status) {
    throw new Error(`${what}: expected ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

/** Files a signal as `token` and returns the created signal. */
export function fileSignal(url, token, overrides = {}) {
  return expectStatus(api(url, 'POST', '/api/v1/signals', { token, body: signalBody(overrides) }), 201, 'file signal');
}

/** The request of each case step, given the case (and referral) it applies to. */
export const STEPS = {
  'link-signal': ({ caseId, freeSignalId }) =>
    ({ path: `/api/v1/cases/${caseId}/signals`, body: { signalId: freeSignalId } }),
  enrich: ({ caseId }) => ({ path: `/api/v1/cases/${caseId}/enrichments`,
    body: { source: 'bag', purpose: 'Gebruiksfunctie pand', content: 'Niets gevonden.' } }),
  assess: ({ caseId }) => ({ path: `/api/v1/cases/${caseId}/assessments`,
    body: { urgency: 'hoog', forms: ['arbeid'], rationale: 'Huisvesting op het werk en lange dagen.' } }),
  refer: ({ caseId }) => ({ path: `/api/v1/cases/${caseId}/referrals`,
    body: { partner: 'moviera', forum: 'signalenoverleg', feedbackDue: isoDate(14) } }),
  'partner-feedback': ({ referralId }) => ({ path: `/api/v1/referrals/${referralId}/feedback`,
    body: { summary: 'Moviera heeft contact gelegd.' } }),
  'reporter-feedback': ({ caseId }) => ({ path: `/api/v1/cases/${caseId}/reporter-feedback`,
    body: { message: 'Uw melding is opgepakt en doorgezet.' } }),
  close: ({ caseId }) => ({ path: `/api/v1/cases/${caseId}/closure`, body: { outcome: 'zorgtraject' } }),
  reopen: ({ caseId }) => ({ path: `/api/v1/cases/${caseId}/reopenings`,
    body: { reason: 'Nieuwe melding over dezelfde situatie.' } }),
};

/** Runs one step; returns the raw response (no assertion). */
export function runStep(url, token, action, ids) {
  const { path, body } = STEPS[action](ids);
  return api(url, 'POST', path, { token, body });
}

/**
 * Records a case from `signalIds` and walks it to `state` along the normal route.
 * For an anonymous-only case pass `anonymousOnly` so "afgesloten" is reached from "gewogen".
 * @returns {Promise<{caseId: string, referralId?: string}>}
 */
export async function buildCase(url, token, signalIds, state, { anonymousOnly = false } = {}) {
  const created = await expectStatus(api(url, 'POST', '/api/v1/cases', { token, body: { signalIds } }), 201, 'record case');
  const ids = { caseId: created.id };
  const path = anonymousOnly
    ? { vastgelegd: [], verrijkt: ['enrich'], gewogen: ['enrich', 'assess'], doorgezet: ['enrich', 'assess', 'refer'],
        afgesloten: ['enrich', 'assess', 'close'] }[state]
    : CASE_STATES.slice(1, CASE_STATES.indexOf(state) + 1).map((s) => ({
        verrijkt: 'enrich', gewogen: 'assess', doorgezet: 'refer', teruggekoppeld: 'reporter-feedback', afgesloten: 'close',
      }[s]));
  if (path === undefined) throw new Error(`no route to ${state} for an anonymous-only case`);
  for (const action of path) {
    const body = await expectStatus(runStep(url, token, action, ids), 201, `${action} towards ${state}`);
    if (action === 'refer') ids.referralId = body.id;
  }
  return ids;
}

/** GET /cases/{id} as `token`, asserting 200. */
export function getCase(url, token, caseId) {
  return expectStatus(api(url, 'GET', `/api/v1/cases/${caseId}`, { token }), 200, 'get case');
}
