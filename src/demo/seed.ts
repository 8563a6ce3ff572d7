import type { Db } from '../db/database';

export interface DemoUser {
  id: string;
  name: string;
  email: string;
  role: string;
  agency: string | null;
}

const CAMPAIGNS = [
  { name: 'Customer Support — Manila', status: 'OPEN' as const },
  { name: 'Software Engineers — Remote', status: 'OPEN' as const },
  { name: 'Nurses — Cebu (closed)', status: 'CLOSED' as const },
];

const PEOPLE = [
  { name: 'Olivia Owner', email: 'owner@demo.endorse', role: 'OWNER' as const, agency: null },
  { name: 'Rita Recruiter', email: 'recruiter@demo.endorse', role: 'RECRUITER' as const, agency: null },
  { name: 'Ada Admin', email: 'admin@bright.demo', role: 'AGENCY_ADMIN' as const, agency: 'Bright Staffing' },
  { name: 'Uma User', email: 'user@bright.demo', role: 'AGENCY_USER' as const, agency: 'Bright Staffing' },
  { name: 'Sam Second', email: 'user@northstar.demo', role: 'AGENCY_USER' as const, agency: 'Northstar Talent' },
];

/**
 * Demo data for a bare machine (DESIGN §4): an owner, a recruiter, two agencies with users and a
 * few campaigns. Runs only on a database without users, so it never touches real data.
 */
export async function seedDemo(db: Db): Promise<DemoUser[] | null> {
  if ((await db.user.count()) > 0) return null;
  return db.$transaction(async (tx) => {
    const agencies = new Map<string, string>();
    for (const [name, country] of [
      ['Bright Staffing', 'PH'],
      ['Northstar Talent', 'US'],
    ] as const) {
      agencies.set(name, (await tx.agency.create({ data: { name, country }, select: { id: true } })).id);
    }
    const users: DemoUser[] = [];
    for (const p of PEOPLE) {
      const agencyId = p.agency ? (agencies.get(p.agency) ?? null) : null;
      const user = await tx.user.create({
        data: { name: p.name, email: p.email, role: p.role, agencyId, status: 'ACTIVE' },
        select: { id: true },
      });
      users.push({ id: user.id, name: p.name, email: p.email, role: p.role, agency: p.agency });
    }
    const recruiter = users.find((u) => u.role === 'RECRUITER');
    for (const c of CAMPAIGNS) {
      await tx.campaign.create({
        data: { ...c, recruiters: recruiter ? { create: [{ userId: recruiter.id }] } : undefined },
      });
    }
    return users;
  });
}

/** The demo users, whether just seeded or seeded on an earlier start. */
export async function findDemoUsers(db: Db): Promise<DemoUser[]> {
  const rows = await db.user.findMany({
    where: { email: { in: PEOPLE.map((p) => p.email) }, status: 'ACTIVE' },
    select: { id: true, name: true, email: true, role: true, agency: { select: { name: true } } },
  });
  return PEOPLE.flatMap((p) => {
    const r = rows.find((row) => row.email === p.email);
    return r ? [{ id: r.id, name: r.name ?? p.name, email: r.email, role: r.role, agency: r.agency?.name ?? null }] : [];
  });
}
