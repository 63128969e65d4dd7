import { ref } from 'vue';
import { notificationsApi } from '@/api/notifications';

/** The bell's number, shared by every bell and the inbox (which refreshes it after marking rows read). */
const count = ref(0);
let timer: ReturnType<typeof setInterval> | undefined;
let users = 0;

export const POLL_MS = 60_000;

async function refresh() {
  try {
    count.value = (await notificationsApi.unreadCount()).count;
  } catch {
    /* a missed poll is retried at the next one; signing out stops the polling */
  }
}

/** Starts polling every 60 s while at least one bell is shown. */
export function useUnreadCount() {
  function start() {
    users++;
    if (users === 1) {
      void refresh();
      timer = setInterval(refresh, POLL_MS);
    }
  }
  function stop() {
    users = Math.max(0, users - 1);
    if (users === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  }
  return { count, refresh, start, stop };
}
