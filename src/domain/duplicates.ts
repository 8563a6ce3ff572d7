/**
 * Duplicate validation rules (DESIGN §2): pure, so every combination is unit tested without a
 * database. The service feeds it the matches that its index-only query found.
 */
export type MatchOn = 'PHONE' | 'EMAIL' | 'EITHER';
export type MatchAction = 'FLAG' | 'BLOCK';
export type DuplicateOutcome = 'ADDED' | 'PREVIOUSLY_SUBMITTED' | 'DUPLICATE' | 'ALREADY_IN_SYSTEM' | 'BLOCKED';

export interface DuplicateRuleSpec {
  windowMonths: number;
  matchOn: MatchOn;
  crossAgency: MatchAction;
  sameAgency: MatchAction;
  /**
   * Whether an agency that does not own the person is told when the hold ends (default: shown).
   * It decides nothing; the owning agency and the employer always see the date (see ownershipSeenBy).
   */
  showOwnershipEnd: boolean;
  /**
   * A submission of someone the employer's ATS registered first (a direct applicant, a referral,
   * another vendor): FLAG records it as ALREADY_IN_SYSTEM, BLOCK refuses it. Default FLAG.
   */
  directApplicant: MatchAction;
}

export const DEFAULT_DUPLICATE_RULE: DuplicateRuleSpec = Object.freeze({
  windowMonths: 6,
  matchOn: 'EITHER',
  crossAgency: 'FLAG',
  sameAgency: 'FLAG',
  showOwnershipEnd: true,
  directApplicant: 'FLAG',
});

export interface ExistingCandidate {
  id: string;
  agencyId: string;
  phone: string;
  /** The canonical email (src/domain/contact.ts canonicalEmail): what the check compares. */
  email: string;
  submittedAt: Date;
}

/**
 * A person the employer's ATS registered from another source, as the duplicate check reads them:
 * the key that matched (the other may be null: the ATS gave only one) and when they were registered.
 */
export interface DirectApplicant {
  id: string;
  phone: string | null;
  email: string | null;
  registeredAt: Date;
}

export type BlockReason = 'same_agency' | 'cross_agency' | 'already_in_system';

export type Classification =
  | { outcome: 'ADDED' }
  | { outcome: 'PREVIOUSLY_SUBMITTED' | 'DUPLICATE'; match: ExistingCandidate }
  | { outcome: 'BLOCKED'; reason: 'same_agency' | 'cross_agency'; match: ExistingCandidate }
  /** The employer had the person first: no agency owns them, and the agency learns nothing but that. */
  | { outcome: 'ALREADY_IN_SYSTEM'; applicant: DirectApplicant }
  | { outcome: 'BLOCKED'; reason: 'already_in_system'; applicant: DirectApplicant };

/**
 * Who holds a candidate and until when: the agency of the submission that created it, for the
 * rule's window from that submission. Told to agencies as "yours" or "another agency's" only.
 */
export interface Ownership {
  agencyId: string;
  /** The last day the person counts as this agency's; from the next day another agency's submission is new. */
  until: Date;
}

/** The same instant `months` calendar months later, a missing day clamped to the month's last. */
function addMonths(from: Date, months: number): Date {
  const year = from.getUTCFullYear();
  const month = from.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(from.getUTCDate(), lastDay);
  return new Date(
    Date.UTC(year, month, day, from.getUTCHours(), from.getUTCMinutes(), from.getUTCSeconds(), from.getUTCMilliseconds()),
  );
}

/**
 * Ownership as an agency may be told it: whether the person is the viewer's agency's and until
 * when, nothing else about another agency. `until` is null where the rule hides another agency's
 * end date from the viewer.
 */
export type OwnershipSeen = { yours: true; until: Date } | { yours: false; until: Date | null };

/**
 * What `viewerAgencyId` is told of `ownership`. With the end hidden (showOwnershipEnd false), an
 * agency that does not own the person is told only that another agency holds them; the owning
 * agency still gets its own date. Hiding exists so a competitor cannot time a resubmission to the
 * day a hold ends; the owner learns nothing from its own end date that it could not work out from
 * its own submission date (on its list) and the window, and an owner that is not told how long
 * its claim lasts is exactly what agencies distrust in other portals (issue 19).
 */
export function ownershipSeenBy(viewerAgencyId: string | null, ownership: Ownership, showEnd: boolean): OwnershipSeen {
  if (viewerAgencyId !== null && ownership.agencyId === viewerAgencyId) return { yours: true, until: ownership.until };
  return { yours: false, until: showEnd ? ownership.until : null };
}

/**
 * Ownership of a candidate submitted at `submittedAt`: until the window measured from that
 * submission ends. The inverse of windowStart: at `until` the submission is still in the window,
 * and from the day after it no longer is.
 */
export function ownershipOf(candidate: { agencyId: string; submittedAt: Date }, windowMonths: number): Ownership {
  const at = candidate.submittedAt;
  const until = addMonths(at, windowMonths);
  // windowStart clamps every later day of a longer month back onto a month's last day, so a
  // submission on a last day stays in the window to the later month's last day.
  const lastDayOfMonth = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 0)).getUTCDate();
  if (at.getUTCDate() === lastDayOfMonth) {
    until.setUTCDate(new Date(Date.UTC(until.getUTCFullYear(), until.getUTCMonth() + 1, 0)).getUTCDate());
  }
  return { agencyId: candidate.agencyId, until };
}

/**
 * The start of the window: the same instant `months` calendar months earlier. A day that does not
 * exist in the target month (31 Aug − 6 months) clamps to that month's last day.
 */
export function windowStart(now: Date, months: number): Date {
  return addMonths(now, -months);
}

/** Whether `c` matches the key on what the rule matches on; a missing (null) key matches nothing. */
export function matchesRule(
  rule: Pick<DuplicateRuleSpec, 'matchOn'>,
  key: { phone: string | null; email: string | null },
  c: { phone: string | null; email: string | null },
): boolean {
  const phone = c.phone !== null && c.phone === key.phone;
  const email = c.email !== null && c.email === key.email;
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
 * Classifies a submission against existing candidates and the people the employer's ATS registered
 * from other sources (`applicants`). Whichever came first: a direct applicant registered before
 * every agency's in-window match makes the submission ALREADY_IN_SYSTEM (or BLOCKED, as the rule
 * says). Otherwise a match from the submitting agency wins over one from another agency: the
 * agency's own history is the more useful answer and reveals nothing.
 */
export function classifySubmission(input: {
  rule: DuplicateRuleSpec;
  agencyId: string;
  key: { phone: string; email: string };
  now: Date;
  candidates: readonly ExistingCandidate[];
  applicants?: readonly DirectApplicant[];
}): Classification {
  const since = windowStart(input.now, input.rule.windowMonths).getTime();
  const inWindow = input.candidates
    .filter((c) => c.submittedAt.getTime() >= since && matchesRule(input.rule, input.key, c))
    .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  const applicant = (input.applicants ?? [])
    .filter((a) => a.registeredAt.getTime() >= since && matchesRule(input.rule, input.key, a))
    .sort((a, b) => a.registeredAt.getTime() - b.registeredAt.getTime())[0];
  const firstAgency = inWindow[0];
  if (applicant && (!firstAgency || applicant.registeredAt.getTime() < firstAgency.submittedAt.getTime())) {
    return input.rule.directApplicant === 'BLOCK'
      ? { outcome: 'BLOCKED', reason: 'already_in_system', applicant }
      : { outcome: 'ALREADY_IN_SYSTEM', applicant };
  }
  const own = inWindow.find((c) => c.agencyId === input.agencyId);
  if (own) {
    return input.rule.sameAgency === 'BLOCK'
      ? { outcome: 'BLOCKED', reason: 'same_agency', match: own }
      : { outcome: 'PREVIOUSLY_SUBMITTED', match: own };
  }
  const other = inWindow[0];
  if (other) {
    return input.rule.crossAgency === 'BLOCK'
      ? { outcome: 'BLOCKED', reason: 'cross_agency', match: other }
      : { outcome: 'DUPLICATE', match: other };
  }
  return { outcome: 'ADDED' };
}

/** An agency's candidate with the rule of its campaign: what holding a person depends on. */
export interface HeldCandidate {
  agencyId: string;
  phone: string;
  email: string;
  submittedAt: Date;
  rule: Pick<DuplicateRuleSpec, 'windowMonths' | 'matchOn'>;
}

/**
 * Which agency holds a person the employer's ATS registers now, and until when: the earliest
 * candidate that matches the key on its own campaign's rule and is still within that rule's
 * window. Null when no agency holds them (the ATS's record then comes first).
 */
export function agencyHolding(input: {
  key: { phone: string | null; email: string | null };
  now: Date;
  candidates: readonly HeldCandidate[];
}): Ownership | null {
  const holder = input.candidates
    .filter(
      (c) =>
        c.submittedAt.getTime() >= windowStart(input.now, c.rule.windowMonths).getTime() &&
        c.submittedAt.getTime() <= input.now.getTime() &&
        matchesRule(c.rule, input.key, c),
    )
    .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime())[0];
  return holder ? ownershipOf(holder, holder.rule.windowMonths) : null;
}
