import { http } from './http';
import type { DictionaryEntry, DictionaryGroup, DictionaryType } from './types';

export const dictionariesApi = {
  list: () => http.get<DictionaryGroup[]>('/api/dictionaries'),
  update: (type: DictionaryType, items: DictionaryEntry[]) => http.put<void>(`/api/dictionaries/${type}`, { items }),
};
