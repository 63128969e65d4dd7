import { computed, onMounted, reactive, ref, shallowRef, useTemplateRef } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import type { FormInstance } from 'element-plus';
import { figuresApi } from '@/api/figures';
import { ApiError } from '@/api/http';
import type { CreateFigureInput, DuplicateMatch, FigureDetail, FigureInput } from '@/api/types';
import { useServerErrors } from '@/composables/useServerErrors';
import { useUnsavedGuard } from '@/composables/useUnsavedGuard';
import { t } from '@/i18n';
import { useSessionStore } from '@/stores/session';
import { showError } from '@/utils/errors';
import { today } from '@/utils/format';
import { blankAccountRow, figureRules, type FigureFormModel } from './rules';
import { listRoute } from './useFigureList';

const FIELD_SEPARATOR = /[、,，;；]/;

export const figureFormProps = [
  'name', 'gender', 'birthDate', 'ethnicity', 'politicalAffiliation', 'education', 'idNumber', 'phone', 'homeAddress',
  'email', 'weChat', 'regionCode', 'workplace', 'jobTitle', 'category', 'fields', 'tags', 'keyLevel', 'source',
  'recommendedBy', 'enrolledOn', 'consentVersion', 'consentAt', 'notes',
] as const;

function blank(): FigureFormModel {
  return {
    name: '', gender: null, birthDate: null, ethnicity: null, politicalAffiliation: null, education: null,
    idNumber: '', phone: '', homeAddress: '', email: '', weChat: '', regionCode: '', workplace: '', jobTitle: '',
    category: null, fields: [], tags: [], keyLevel: null, source: null, recommendedBy: '', enrolledOn: today(),
    consentVersion: '', consentAt: null, notes: '', accounts: [],
  };
}

const text = (v: string) => (v.trim() ? v.trim() : null);

/** Body for POST/PUT. Sensitive fields left blank are sent as null: "keep what is stored". */
export function toInput(form: FigureFormModel): FigureInput {
  return {
    name: form.name.trim(),
    gender: form.gender || null,
    birthDate: form.birthDate || null,
    ethnicity: form.ethnicity || null,
    politicalAffiliation: form.politicalAffiliation || null,
    education: form.education || null,
    idNumber: text(form.idNumber)?.toUpperCase() ?? null,
    phone: text(form.phone),
    homeAddress: text(form.homeAddress),
    email: text(form.email),
    weChat: text(form.weChat),
    regionCode: form.regionCode,
    workplace: text(form.workplace),
    jobTitle: text(form.jobTitle),
    category: form.category || null,
    fields: form.fields.length ? form.fields.join('、') : null,
    tags: form.tags.map((x) => x.trim()).filter(Boolean),
    keyLevel: form.keyLevel || null,
    source: form.source || null,
    recommendedBy: text(form.recommendedBy),
    enrolledOn: form.enrolledOn || null,
    consentVersion: text(form.consentVersion),
    consentAt: form.consentAt || null,
    notes: text(form.notes),
  };
}

/** Body for POST: the figure and the accounts given with it. */
export function toCreateInput(form: FigureFormModel): CreateFigureInput {
  return {
    ...toInput(form),
    accounts: form.accounts.map((a) => ({
      platform: a.platform, handle: a.handle.trim(), url: a.url.trim() || null,
      followers: a.followers, likes: a.likes, works: a.works, version: null,
    })),
  };
}

function fromDetail(d: FigureDetail): FigureFormModel {
  return {
    ...blank(),
    name: d.name, gender: d.gender, birthDate: d.birthDate, ethnicity: d.ethnicity,
    politicalAffiliation: d.politicalAffiliation, education: d.education, email: d.email ?? '', weChat: d.weChat ?? '',
    regionCode: d.regionCode, workplace: d.workplace ?? '', jobTitle: d.jobTitle ?? '', category: d.category,
    fields: d.fields ? d.fields.split(FIELD_SEPARATOR).map((x) => x.trim()).filter(Boolean) : [],
    tags: [...d.tags], keyLevel: d.keyLevel, source: d.source, recommendedBy: d.recommendedBy ?? '',
    enrolledOn: d.enrolledOn, consentVersion: d.consentVersion ?? '', consentAt: d.consentAt, notes: d.notes ?? '',
  };
}

export function useFigureForm() {
  const route = useRoute();
  const router = useRouter();
  const id = computed(() => (route.params.id ? Number(route.params.id) : null));
  const isEdit = computed(() => id.value !== null);
  const formRef = useTemplateRef<FormInstance>('formRef');
  const form = reactive(blank());
  const rules = figureRules(form);
  const detail = shallowRef<FigureDetail | null>(null);
  const loading = ref(false);
  const saving = ref(false);
  const duplicates = ref<DuplicateMatch[]>([]);
  const duplicateDialog = ref(false);
  const { serverErrors, clear: clearFields, handle } = useServerErrors(figureFormProps);
  /** Errors of the account rows, by the server's names (`accounts[1].handle`). */
  const accountErrors = reactive<Record<string, string>>({});
  function clear() {
    clearFields();
    for (const key of Object.keys(accountErrors)) delete accountErrors[key];
  }
  const accountError = (index: number, field: string) => accountErrors[`accounts[${index}].${field}`];
  function addAccount() {
    form.accounts.push(blankAccountRow());
  }
  function removeAccount(index: number) {
    form.accounts.splice(index, 1);
    for (const key of Object.keys(accountErrors)) delete accountErrors[key]; // the rows below moved up
  }
  const guard = useUnsavedGuard(() => form);

  async function load() {
    if (!id.value) {
      // A new figure starts in the user's own region (a district user rarely records anyone elsewhere).
      form.regionCode = useSessionStore().me?.regionCode ?? '';
      guard.markClean();
      return;
    }
    loading.value = true;
    try {
      detail.value = await figuresApi.get(id.value);
      Object.assign(form, fromDetail(detail.value));
      guard.markClean();
    } catch (e) {
      showError(e);
    } finally {
      loading.value = false;
    }
  }

  async function submit() {
    clear();
    if (!(await formRef.value?.validate().catch(() => false))) {
      ElMessage.error(t('common.fixErrors'));
      return;
    }
    if (!isEdit.value) {
      const input = toInput(form);
      if (input.idNumber || input.phone) {
        try {
          const matches = await figuresApi.duplicates({ idNumber: input.idNumber ?? null, phone: input.phone ?? null, accounts: [] });
          if (matches.length) {
            duplicates.value = matches;
            duplicateDialog.value = true;
            return;
          }
        } catch (e) {
          if (!handle(e)) return;
          return;
        }
      }
    }
    await save();
  }

  /** Saves without the duplicate check ("仍然保存"). */
  async function save() {
    duplicateDialog.value = false;
    saving.value = true;
    try {
      if (isEdit.value && detail.value) {
        const updated = await figuresApi.update(id.value!, { ...toInput(form), version: detail.value.version });
        detail.value = updated;
        guard.markClean();
        ElMessage.success(t('common.saved'));
        router.push(`/figures/${id.value}`);
      } else {
        const created = await figuresApi.create(toCreateInput(form));
        guard.markClean();
        ElMessage.success(t('figure.form.created'));
        router.push(`/figures/${created.id}`);
      }
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        ElMessageBox.alert(t('common.conflict'), t('common.confirmTitle'), { type: 'warning' }).catch(() => undefined);
      } else {
        if (e instanceof ApiError) {
          for (const [key, messages] of Object.entries(e.fieldErrors))
            if (key.startsWith('accounts')) accountErrors[key] = messages.join('；');
        }
        handle(e);
      }
    } finally {
      saving.value = false;
    }
  }

  function cancel() {
    if (isEdit.value) router.push(`/figures/${id.value}`);
    else router.push(listRoute());
  }

  onMounted(load);

  return {
    id, isEdit, form, rules, detail, loading, saving, serverErrors, accountErrors, accountError, addAccount, removeAccount,
    duplicates, duplicateDialog, submit, save, cancel,
  };
}
