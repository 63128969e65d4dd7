import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { authApi } from '@/api/auth';
import { ApiError } from '@/api/http';
import type { MeResponse, Permission } from '@/api/types';

/** The signed-in user from GET /api/me. */
export const useSessionStore = defineStore('session', () => {
  const me = ref<MeResponse | null>(null);
  const loaded = ref(false);

  const permissions = computed(() => new Set<string>(me.value?.permissions ?? []));
  const signedIn = computed(() => !!me.value);

  function can(permission: Permission | Permission[] | undefined): boolean {
    if (!permission) return true;
    const list = Array.isArray(permission) ? permission : [permission];
    return list.some((p) => permissions.value.has(p));
  }

  /** Loads /api/me; a 401 just means signed out. */
  async function load(force = false): Promise<MeResponse | null> {
    if (loaded.value && !force) return me.value;
    try {
      me.value = await authApi.me();
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) me.value = null;
      else throw e;
    } finally {
      loaded.value = true;
    }
    return me.value;
  }

  async function logout() {
    try {
      await authApi.logout();
    } finally {
      me.value = null;
      loaded.value = true;
    }
  }

  return { me, loaded, permissions, signedIn, can, load, logout };
});
