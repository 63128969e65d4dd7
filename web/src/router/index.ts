import { createRouter, createWebHistory } from 'vue-router';
import { routes } from './routes';
import { useSessionStore } from '@/stores/session';
import { setHttpHooks } from '@/api/http';
import { t } from '@/i18n';
import { showError } from '@/utils/errors';

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: () => ({ top: 0 }),
});

router.beforeEach(async (to) => {
  const session = useSessionStore();
  if (to.meta.public) return true;
  try {
    await session.load();
  } catch (e) {
    showError(e);
    return false;
  }
  if (!session.me) return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} };
  // A member's pages are the phone app under /m/ (it has its own sign-in, password change and settings).
  if (session.me.roles.length === 1 && session.me.roles[0] === 'member') {
    window.location.assign('/m/');
    return false;
  }
  if (session.me.mustChangePassword && to.name !== 'change-password') return { name: 'change-password' };
  if (!session.can(to.meta.permission)) return { name: 'forbidden' };
  return true;
});

router.afterEach((to) => {
  const title = to.meta.title ? t(to.meta.title) : '';
  document.title = title ? `${title} - ${t('app.title')}` : t('app.title');
});

// In-app navigation instead of full reloads when the API says the session is gone.
setHttpHooks({
  onUnauthorized() {
    const session = useSessionStore();
    session.me = null;
    const current = router.currentRoute.value;
    if (current.name !== 'login') router.push({ name: 'login', query: { redirect: current.fullPath } });
  },
  onMustChangePassword() {
    const session = useSessionStore();
    if (session.me) session.me.mustChangePassword = true;
    if (router.currentRoute.value.name !== 'change-password') router.push({ name: 'change-password' });
  },
});
