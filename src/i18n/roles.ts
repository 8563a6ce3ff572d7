import type { Role } from '../domain/permissions';
import { t } from './index';

/**
 * A role in the words the product uses everywhere it names one to people (invitation email,
 * invitation page, chat): "an agency user of Bright Staffing", "a recruiter".
 */
export function roleAt(locale: string, role: Role, agencyName?: string | null): string {
  const phrase = t(locale, `invite.role.${role}`);
  return agencyName ? t(locale, 'invite.roleAt', { role: phrase, agency: agencyName }) : phrase;
}
