/** Roles the welcome page describes, in the order a user holding several is described by. */
export const WELCOME_ROLES = ['admin', 'leader', 'staff', 'cadre', 'unit', 'association', 'member'] as const;
export type WelcomeRole = (typeof WELCOME_ROLES)[number];

/** The role the welcome page describes for a user, or null when none of them applies. */
export function welcomeRole(roles: readonly string[]): WelcomeRole | null {
  return WELCOME_ROLES.find((r) => roles.includes(r)) ?? null;
}

/**
 * Where "/" sends a user: a leader to the dashboard, staff to the registry, a cadre to their figures, anyone else to the first page
 * their menu offers, and a user whose role has no page yet to the welcome page (never to "no permission").
 */
export function homePath(roles: readonly string[], can: (p: string) => boolean, firstMenuPath: string | null): string {
  if (roles.includes('leader') && can('dashboard.read')) return '/dashboard';
  if (can('figures.read')) return '/figures';
  // A member unit works in its inbox of routed requests.
  if (roles.includes('unit') && can('help-requests.reply')) return '/requests/inbox';
  // A cadre starts from the figures they stay in touch with (我联系的网络人士).
  if (can('liaison.own')) return '/liaison/mine';
  return firstMenuPath ?? '/welcome';
}
