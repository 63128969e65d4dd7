import type { RouteRecordRaw } from 'vue-router';
import type { Permission } from '@/api/types';
import AdminLayout from '@/layout/AdminLayout.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean;
    /** Any one of these permissions opens the page. */
    permission?: Permission | Permission[];
    /** i18n key of the page title. */
    title?: string;
  }
}

export const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('@/views/auth/Login.vue'), meta: { public: true, title: 'auth.loginTitle' } },
  { path: '/change-password', name: 'change-password', component: () => import('@/views/auth/ChangePassword.vue'), meta: { title: 'auth.changePasswordTitle' } },
  {
    path: '/',
    component: AdminLayout,
    children: [
      { path: '', name: 'home', component: () => import('@/views/error/Home.vue') },
      { path: 'welcome', name: 'welcome', component: () => import('@/views/home/Welcome.vue'), meta: { title: 'menu.welcome' } },
      { path: 'figures', name: 'figures', component: () => import('@/views/figures/index.vue'), meta: { permission: 'figures.read', title: 'menu.figureList' } },
      { path: 'figures/new', name: 'figure-new', component: () => import('@/views/figures/form.vue'), meta: { permission: 'figures.write', title: 'figure.form.titleNew' } },
      { path: 'figures/:id(\\d+)/edit', name: 'figure-edit', component: () => import('@/views/figures/form.vue'), meta: { permission: 'figures.write', title: 'figure.form.titleEdit' } },
      { path: 'figures/:id(\\d+)', name: 'figure', component: () => import('@/views/figures/profile/index.vue'), meta: { permission: 'figures.read', title: 'menu.figureList' } },
      { path: 'import', name: 'import', component: () => import('@/views/import/index.vue'), meta: { permission: 'figures.import', title: 'menu.import' } },
      { path: 'organizations', name: 'organizations', component: () => import('@/views/organizations/index.vue'), meta: { permission: 'organizations.read', title: 'menu.organizations' } },
      { path: 'organizations/new', name: 'organization-new', component: () => import('@/views/organizations/form.vue'), meta: { permission: 'organizations.write', title: 'organization.new' } },
      { path: 'organizations/:id(\\d+)/edit', name: 'organization-edit', component: () => import('@/views/organizations/form.vue'), meta: { permission: 'organizations.write', title: 'organization.edit' } },
      { path: 'organizations/:id(\\d+)', name: 'organization', component: () => import('@/views/organizations/detail.vue'), meta: { permission: 'organizations.read', title: 'menu.organizations' } },
      { path: 'invitations', name: 'invitations', component: () => import('@/views/members/invitations.vue'), meta: { permission: 'members.invite', title: 'menu.invitations' } },
      { path: 'corrections', name: 'corrections', component: () => import('@/views/members/corrections.vue'), meta: { permission: 'corrections.review', title: 'menu.corrections' } },
      { path: 'task-plans', name: 'task-plans', component: () => import('@/views/tasks/index.vue'), meta: { permission: 'tasks.overview', title: 'menu.taskPlans' } },
      { path: 'task-plans/:id(\\d+)', name: 'task-plan', component: () => import('@/views/tasks/plan.vue'), meta: { permission: 'tasks.read', title: 'menu.taskPlans' } },
      { path: 'my-tasks', name: 'my-tasks', component: () => import('@/views/tasks/mine.vue'), meta: { permission: 'tasks.own', title: 'menu.myTasks' } },
      { path: 'requests', name: 'requests', component: () => import('@/views/requests/index.vue'), meta: { permission: ['help-requests.read', 'help-requests.create'], title: 'menu.requestBoard' } },
      { path: 'requests/new', name: 'request-new', component: () => import('@/views/requests/form.vue'), meta: { permission: 'help-requests.create', title: 'request.new' } },
      { path: 'requests/inbox', name: 'request-inbox', component: () => import('@/views/requests/inbox.vue'), meta: { permission: 'help-requests.reply', title: 'menu.requestInbox' } },
      { path: 'requests/stats', name: 'request-stats', component: () => import('@/views/requests/stats.vue'), meta: { permission: 'help-requests.read', title: 'menu.requestStats' } },
      { path: 'requests/:id(\\d+)', name: 'request', component: () => import('@/views/requests/detail.vue'), meta: { permission: 'help-requests.view', title: 'menu.requestBoard' } },
      { path: 'liaison/mine', name: 'liaison-mine', component: () => import('@/views/liaison/mine.vue'), meta: { permission: 'liaison.own', title: 'menu.myFigures' } },
      { path: 'liaison/logs', name: 'liaison-logs', component: () => import('@/views/liaison/logs.vue'), meta: { permission: 'liaison.contacts.read', title: 'menu.contactLogs' } },
      { path: 'liaison/feedback', name: 'liaison-feedback', component: () => import('@/views/liaison/feedback.vue'), meta: { permission: 'liaison.own', title: 'menu.feedback' } },
      { path: 'liaison/feedback-summary', name: 'liaison-feedback-summary', component: () => import('@/views/liaison/feedbackSummary.vue'), meta: { permission: 'liaison.read', title: 'menu.feedbackSummary' } },
      { path: 'liaison/figures/:id(\\d+)', name: 'liaison-figure', component: () => import('@/views/liaison/figure.vue'), meta: { permission: 'liaison.contacts.read', title: 'liaison.profile.title' } },
      { path: 'liaison/assignments', name: 'liaison-assignments', component: () => import('@/views/liaison/assignments.vue'), meta: { permission: 'liaison.read', title: 'menu.assignments' } },
      { path: 'liaison/due', name: 'liaison-due', component: () => import('@/views/liaison/due.vue'), meta: { permission: 'liaison.read', title: 'menu.due' } },
      { path: 'dashboard', name: 'dashboard', component: () => import('@/views/dashboard/index.vue'), meta: { permission: 'dashboard.read', title: 'menu.dashboard' } },
      { path: 'admin/users', name: 'admin-users', component: () => import('@/views/admin/users/index.vue'), meta: { permission: 'users.manage', title: 'menu.users' } },
      { path: 'admin/regions', name: 'admin-regions', component: () => import('@/views/admin/regions/index.vue'), meta: { permission: 'regions.manage', title: 'menu.regions' } },
      { path: 'admin/org-units', name: 'admin-org-units', component: () => import('@/views/admin/orgUnits/index.vue'), meta: { permission: 'regions.manage', title: 'menu.orgUnits' } },
      { path: 'admin/dictionaries', name: 'admin-dictionaries', component: () => import('@/views/admin/dictionaries/index.vue'), meta: { permission: 'dictionaries.manage', title: 'menu.dictionaries' } },
      { path: 'admin/audit', name: 'admin-audit', component: () => import('@/views/admin/audit/index.vue'), meta: { permission: 'audit.read', title: 'menu.audit' } },
      { path: 'notifications', name: 'notifications', component: () => import('@/views/notifications/index.vue'), meta: { title: 'notification.pageTitle' } },
      { path: 'notices', name: 'notices', component: () => import('@/views/notices/index.vue'), meta: { permission: 'notices.publish', title: 'menu.notices' } },
      { path: 'notices/:id(\\d+)', name: 'notice', component: () => import('@/views/notices/detail.vue'), meta: { title: 'notice.detailTitle' } },
      { path: 'security', name: 'security', component: () => import('@/views/auth/Security.vue'), meta: { title: 'security.title' } },
      { path: 'forbidden', name: 'forbidden', component: () => import('@/views/error/Forbidden.vue'), meta: { title: 'errors.forbidden' } },
      { path: ':pathMatch(.*)*', name: 'not-found', component: () => import('@/views/error/NotFound.vue'), meta: { title: 'errors.notFound' } },
    ],
  },
];
