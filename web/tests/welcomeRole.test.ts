import { describe, expect, it } from 'vitest';
import { homePath, welcomeRole } from '@/views/home/welcomeRole';

const grants = (...permissions: string[]) => (p: string) => permissions.includes(p);

describe('homePath', () => {
  it('sends a leader to the dashboard', () => {
    expect(homePath(['leader'], grants('figures.read', 'dashboard.read'), '/dashboard')).toBe('/dashboard');
  });
  it('sends staff to the registry', () => {
    expect(homePath(['staff'], grants('figures.read', 'dashboard.read'), '/dashboard')).toBe('/figures');
  });
  it('sends a role without pages to the welcome page, not to "no permission"', () => {
    for (const role of ['unit', 'association', 'member']) expect(homePath([role], grants(), null)).toBe('/welcome');
  });
  it('sends a cadre to the figures they stay in touch with', () => {
    expect(homePath(['cadre'], grants('liaison.own', 'liaison.contacts.read'), '/liaison/mine')).toBe('/liaison/mine');
  });
  it('sends a member unit to its inbox of routed requests', () => {
    expect(homePath(['unit'], grants('help-requests.view', 'help-requests.reply'), '/requests/inbox')).toBe('/requests/inbox');
  });
  it('uses the first menu page otherwise', () => {
    expect(homePath(['auditor'], grants('audit.read'), '/admin/audit')).toBe('/admin/audit');
  });
});

describe('welcomeRole', () => {
  it('describes every role, the broadest first', () => {
    expect(welcomeRole(['member'])).toBe('member');
    expect(welcomeRole(['unit'])).toBe('unit');
    expect(welcomeRole(['staff', 'unit'])).toBe('staff');
    expect(welcomeRole(['cadre'])).toBe('cadre');
    expect(welcomeRole(['auditor'])).toBeNull();
  });
});
