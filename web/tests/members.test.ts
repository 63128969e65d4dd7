import { describe, expect, it } from 'vitest';
import { menu, visibleMenu } from '@/layout/menu';
import { memberRoutes } from '@/member/router';

const can = (perms: string[]) => (p: unknown) => !p || (Array.isArray(p) ? p : [p]).some((x) => perms.includes(x as string));

describe('members', () => {
  it('shows invitations and corrections review to staff who hold the permissions', () => {
    const visible = visibleMenu(menu, can(['figures.read', 'members.invite', 'corrections.review']));
    const figures = visible.find((i) => i.key === 'figures')!;
    expect(figures.children!.map((c) => c.key)).toEqual(['figure-list', 'invitations', 'corrections']);
  });

  it('gives a member nothing in the staff menu', () => {
    expect(visibleMenu(menu, can(['member.self']))).toEqual([]);
  });

  it('opens activation and sign-in without a session and everything else only signed in', () => {
    const open = memberRoutes.filter((r) => r.meta?.public).map((r) => r.path).sort();
    expect(open).toEqual(['/activate', '/login']);
    expect(memberRoutes.map((r) => r.path)).toEqual(expect.arrayContaining(['/', '/me', '/me/correct', '/settings', '/change-password']));
  });
});
