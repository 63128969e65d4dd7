import type { Permission } from '@/api/types';

export interface MenuItem {
  key: string;
  title: string;
  icon?: string;
  path?: string;
  permission?: Permission | Permission[];
  children?: MenuItem[];
}

export const menu: MenuItem[] = [
  { key: 'dashboard', title: 'menu.dashboard', icon: 'chart', path: '/dashboard', permission: 'dashboard.read' },
  {
    key: 'figures', title: 'menu.figures', icon: 'user',
    children: [
      { key: 'figure-list', title: 'menu.figureList', path: '/figures', permission: 'figures.read' },
      { key: 'import', title: 'menu.import', path: '/import', permission: 'figures.import' },
      { key: 'invitations', title: 'menu.invitations', path: '/invitations', permission: 'members.invite' },
      { key: 'corrections', title: 'menu.corrections', path: '/corrections', permission: 'corrections.review' },
    ],
  },
  { key: 'organizations', title: 'menu.organizations', icon: 'office', path: '/organizations', permission: 'organizations.read' },
  { key: 'task-plans', title: 'menu.taskPlans', icon: 'office', path: '/task-plans', permission: 'tasks.overview' },
  { key: 'my-tasks', title: 'menu.myTasks', icon: 'office', path: '/my-tasks', permission: 'tasks.own' },
  {
    key: 'requests', title: 'menu.requests', icon: 'requests',
    children: [
      { key: 'request-inbox', title: 'menu.requestInbox', path: '/requests/inbox', permission: 'help-requests.reply' },
      { key: 'request-board', title: 'menu.requestBoard', path: '/requests', permission: ['help-requests.read', 'help-requests.create'] },
      { key: 'request-stats', title: 'menu.requestStats', path: '/requests/stats', permission: 'help-requests.read' },
    ],
  },
  { key: 'notices', title: 'menu.notices', icon: 'bell', path: '/notices', permission: 'notices.publish' },
  {
    key: 'liaison', title: 'menu.liaison', icon: 'liaison',
    children: [
      { key: 'my-figures', title: 'menu.myFigures', path: '/liaison/mine', permission: 'liaison.own' },
      { key: 'contact-logs', title: 'menu.contactLogs', path: '/liaison/logs', permission: 'liaison.contacts.read' },
      { key: 'feedback', title: 'menu.feedback', path: '/liaison/feedback', permission: 'liaison.own' },
      { key: 'assignments', title: 'menu.assignments', path: '/liaison/assignments', permission: 'liaison.read' },
      { key: 'due', title: 'menu.due', path: '/liaison/due', permission: 'liaison.read' },
      { key: 'feedback-summary', title: 'menu.feedbackSummary', path: '/liaison/feedback-summary', permission: 'liaison.read' },
    ],
  },
  {
    key: 'admin', title: 'menu.admin', icon: 'setting',
    children: [
      { key: 'users', title: 'menu.users', path: '/admin/users', permission: 'users.manage' },
      { key: 'regions', title: 'menu.regions', path: '/admin/regions', permission: 'regions.manage' },
      { key: 'org-units', title: 'menu.orgUnits', path: '/admin/org-units', permission: 'regions.manage' },
      { key: 'dictionaries', title: 'menu.dictionaries', path: '/admin/dictionaries', permission: 'dictionaries.manage' },
      { key: 'audit', title: 'menu.audit', path: '/admin/audit', permission: 'audit.read' },
    ],
  },
];

/** The menu a user may see: items without permission removed, empty groups dropped. */
export function visibleMenu(items: MenuItem[], can: (p: MenuItem['permission']) => boolean): MenuItem[] {
  const out: MenuItem[] = [];
  for (const item of items) {
    if (item.children) {
      const children = visibleMenu(item.children, can);
      if (children.length) out.push({ ...item, children });
    } else if (can(item.permission)) {
      out.push(item);
    }
  }
  return out;
}

/** A user whose role has no page of its own yet sees the welcome page as their one menu entry. */
export const welcomeItem: MenuItem = { key: 'welcome', title: 'menu.welcome', icon: 'house', path: '/welcome' };

/** The menu of the side bar: what the user may see, or the welcome page when that is nothing. */
export function sideMenu(can: (p: MenuItem['permission']) => boolean): MenuItem[] {
  const items = visibleMenu(menu, can);
  return items.length ? items : [welcomeItem];
}

/** First page a user may open (the home route sends them there). */
export function firstPath(items: MenuItem[]): string | null {
  for (const item of items) {
    if (item.path) return item.path;
    const nested = item.children && firstPath(item.children);
    if (nested) return nested;
  }
  return null;
}
