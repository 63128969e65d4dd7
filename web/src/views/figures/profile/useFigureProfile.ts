import { computed, onMounted, ref, shallowRef, watch } from 'vue';
import { useRoute } from 'vue-router';
import { figuresApi } from '@/api/figures';
import type { FigureDetail } from '@/api/types';
import { showError } from '@/utils/errors';

/** Loads the profile; tabs call reload() after a child record changes. */
export function useFigureProfile() {
  const route = useRoute();
  const id = computed(() => Number(route.params.id));
  const figure = shallowRef<FigureDetail | null>(null);
  const loading = ref(false);
  const notFound = ref(false);

  async function reload() {
    loading.value = true;
    try {
      figure.value = await figuresApi.get(id.value);
      notFound.value = false;
    } catch (e) {
      notFound.value = true;
      showError(e);
    } finally {
      loading.value = false;
    }
  }

  onMounted(reload);
  watch(id, reload);
  return { id, figure, loading, notFound, reload };
}
