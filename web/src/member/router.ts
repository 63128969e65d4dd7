import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { setHttpHooks } from '@/api/http';
import { useSessionStore } from '@/stores/session';
import { mt } from './i18n';
// The first screen (sign-in or home) is in the entry chunk; every other page loads on demand.
import MemberLogin from './pages/MemberLogin.vue';
import MemberHome from './pages/MemberHome.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** Member app: no tab bar on this page. */
    noTabs?: boolean;
  }
}

/** The member app's pages, under /m/. Later features add theirs here (inbox, events…). */
export const memberRoutes: RouteRecordRaw[] = [
  { path: '/login', name: 'm-login', component: MemberLogin, meta: { public: true, title: 'member.login.title' } },
  { path: '/activate', name: 'm-activate', component: () => import('./pages/MemberActivate.vue'), meta: { public: true, title: 'member.activate.title' } },
  { path: '/', name: 'm-home', component: MemberHome, meta: { title: 'member.home.title' } },
  { path: '/me', name: 'm-me', component: () => import('./pages/MemberData.vue'), meta: { title: 'member.data.title' } },
  { path: '/me/correct', name: 'm-correct', component: () => import('./pages/MemberCorrect.vue'), meta: { title: 'member.correct.title', noTabs: true } },
  { path: '/settings', name: 'm-settings', component: () => import('./pages/MemberSettings.vue'), meta: { title: 'member.settings.title' } },
  { path: '/change-password', name: 'm-change-password', component: () => import('./pages/MemberChangePassword.vue'), meta: { title: 'member.password.title', noTabs: true } },
  { path: '/inbox', name: 'm-inbox', component: () => import('./pages/MemberInbox.vue'), meta: { title: 'notification.pageTitle' } },
  { path: '/notices/:id(\\d+)', name: 'm-notice', component: () => import('./pages/MemberNotice.vue'), meta: { title: 'notice.detailTitle', noTabs: true } },
  { path: '/:pathMatch(.*)*', redirect: '/' },
];

export const memberRouter = createRouter({
  history: createWebHistory('/m/'),
  routes: memberRoutes,
  scrollBehavior: () => ({ top: 0 }),
});

memberRouter.beforeEach(async (to) => {
  if (to.meta.public) return true;
  const session = useSessionStore();
  try {
    await session.load();
  } catch {
    return true; // the page shows its own error; a network failure is not a sign-out
  }
  if (!session.me) return { name: 'm-login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} };
  // Staff who open /m/ belong in the desktop app.
  if (!session.me.roles.includes('member')) {
    window.location.assign('/');
    return false;
  }
  if (session.me.mustChangePassword && to.name !== 'm-change-password') return { name: 'm-change-password' };
  return true;
});

memberRouter.afterEach((to) => {
  const title = to.meta.title ? mt(to.meta.title) : '';
  document.title = title ? `${title} - ${mt('app.title')}` : mt('app.title');
});

setHttpHooks({
  onUnauthorized() {
    const session = useSessionStore();
    session.me = null;
    const current = memberRouter.currentRoute.value;
    if (!current.meta.public) memberRouter.push({ name: 'm-login', query: { redirect: current.fullPath } });
  },
  onMustChangePassword() {
    const session = useSessionStore();
    if (session.me) session.me.mustChangePassword = true;
    if (memberRouter.currentRoute.value.name !== 'm-change-password') memberRouter.push({ name: 'm-change-password' });
  },
});
