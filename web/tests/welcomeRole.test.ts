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
  it('uses the first menu page otherwise', () => {
    expect(homePath(['auditor'], grants('audit.read'), '/admin/audit')).toBe('/admin/audit');
  });
});

describe('welcomeRole', () => {
  it('describes the first role that has no pages yet', () => {
    expect(welcomeRole(['member'])).toBe('member');
    expect(welcomeRole(['staff', 'unit'])).toBe('unit');
    expect(welcomeRole(['cadre'])).toBeNull();
    expect(welcomeRole(['staff'])).toBeNull();
  });
});
