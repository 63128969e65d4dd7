import { http } from './http';
import type { Dictionary, DictionaryItem, DictionaryType } from './types';

export const dictionariesApi = {
  list: () => http.get<Dictionary[]>('/api/dictionaries'),
  update: (type: DictionaryType, items: DictionaryItem[]) => http.put<void>(`/api/dictionaries/${type}`, { items }),
};
