import { http } from './http';
import type {
  NoticeItem, NotificationItem, NotificationSettingItem, NotificationSettingsBody, PagedOfNoticeItem, PagedOfNotificationItem,
  PublishNoticeBody, UnreadCount,
} from './types';

export interface NotificationQuery { unread?: boolean; page?: number; pageSize?: number }

export const notificationsApi = {
  list: (query: NotificationQuery) => http.get<PagedOfNotificationItem>('/api/notifications', { query }),
  unreadCount: () => http.get<UnreadCount>('/api/notifications/unread-count'),
  read: (id: number) => http.post<NotificationItem>(`/api/notifications/${id}/read`),
  readAll: () => http.post<UnreadCount>('/api/notifications/read-all'),
  settings: () => http.get<NotificationSettingItem[]>('/api/me/notification-settings'),
  saveSettings: (body: NotificationSettingsBody) => http.put<NotificationSettingItem[]>('/api/me/notification-settings', body),
};

export const noticesApi = {
  list: (query: { page?: number; pageSize?: number }) => http.get<PagedOfNoticeItem>('/api/notices', { query }),
  /** Marks it read when it is addressed to the caller. */
  get: (id: number) => http.get<NoticeItem>(`/api/notices/${id}`),
  publish: (body: PublishNoticeBody) => http.post<NoticeItem>('/api/notices', body),
};
