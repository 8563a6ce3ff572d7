/**
 * Duplicate validation rules (DESIGN §2): pure, so every combination is unit tested without a
 * database. The service feeds it the matches that its index-only query found.
 */
export type MatchOn = 'PHONE' | 'EMAIL' | 'EITHER';
export type MatchAction = 'FLAG' | 'BLOCK';
export type DuplicateOutcome = 'ADDED' | 'PREVIOUSLY_SUBMITTED' | 'DUPLICATE' | 'BLOCKED';

export interface DuplicateRuleSpec {
  windowMonths: number;
  matchOn: MatchOn;
  crossAgency: MatchAction;
  sameAgency: MatchAction;
}

export const DEFAULT_DUPLICATE_RULE: DuplicateRuleSpec = Object.freeze({
  windowMonths: 6,
  matchOn: 'EITHER',
  crossAgency: 'FLAG',
  sameAgency: 'FLAG',
});

export interface ExistingCandidate {
  id: string;
  agencyId: string;
  phone: string;
  email: string;
  submittedAt: Date;
}

export type BlockReason = 'same_agency' | 'cross_agency';

export type Classification =
  | { outcome: 'ADDED' }
  | { outcome: 'PREVIOUSLY_SUBMITTED' | 'DUPLICATE'; match: ExistingCandidate }
  | { outcome: 'BLOCKED'; reason: BlockReason };

/**
 * The start of the window: the same instant `months` calendar months earlier. A day that does not
 * exist in the target month (31 Aug − 6 months) clamps to that month's last day.
 */
export function windowStart(now: Date, months: number): Date {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(now.getUTCDate(), lastDay);
  return new Date(
    Date.UTC(year, month, day, now.getUTCHours(), now.getUTCMinutes(), now.getUTCSeconds(), now.getUTCMilliseconds()),
  );
}

export function matchesRule(rule: DuplicateRuleSpec, key: { phone: string; email: string }, c: ExistingCandidate): boolean {
  const phone = c.phone === key.phone;
  const email = c.email === key.email;
  switch (rule.matchOn) {
    case 'PHONE':
      return phone;
    case 'EMAIL':
      return email;
    case 'EITHER':
      return phone || email;
  }
}

/**
 * Classifies a submission against existing candidates. A match from the submitting agency wins over
 * one from another agency: the agency's own history is the more useful answer and reveals nothing.
 */
export function classifySubmission(input: {
  rule: DuplicateRuleSpec;
  agencyId: string;
  key: { phone: string; email: string };
  now: Date;
  candidates: readonly ExistingCandidate[];
}): Classification {
  const since = windowStart(input.now, input.rule.windowMonths).getTime();
  const inWindow = input.candidates
    .filter((c) => c.submittedAt.getTime() >= since && matchesRule(input.rule, input.key, c))
    .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  const own = inWindow.find((c) => c.agencyId === input.agencyId);
  if (own) {
    return input.rule.sameAgency === 'BLOCK'
      ? { outcome: 'BLOCKED', reason: 'same_agency' }
      : { outcome: 'PREVIOUSLY_SUBMITTED', match: own };
  }
  const other = inWindow[0];
  if (other) {
    return input.rule.crossAgency === 'BLOCK'
      ? { outcome: 'BLOCKED', reason: 'cross_agency' }
      : { outcome: 'DUPLICATE', match: other };
  }
  return { outcome: 'ADDED' };
}
