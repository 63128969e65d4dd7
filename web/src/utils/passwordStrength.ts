import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

/** The server's rule (StrengthPasswordValidator): score 3 or more, never the product's name or the demo password. */
export const MINIMUM_SCORE = 3;
export const DEMO_PASSWORD = 'Tongxin-Demo-2026';
// The product's names: tongxin and its Chinese name (written as escapes: no UI text lives outside i18n).
const PRODUCT_NAMES = ['tongxin', '\u540c\u5fc3'];

export type StrengthProblem = 'empty' | 'demo' | 'productName' | 'weak';

export interface Strength {
  /** 0 (very weak) … 4 (very strong), the zxcvbn scale. */
  score: number;
  ok: boolean;
  problem?: StrengthProblem;
}

let factory: ZxcvbnFactory | undefined;
let loading: Promise<ZxcvbnFactory> | undefined;

/** Loads the estimator and its dictionaries (a separate chunk: only the password pages need them). */
export function loadStrengthEstimator(): Promise<ZxcvbnFactory> {
  loading ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(([core, common]) => {
    factory = new core.ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
    return factory;
  });
  return loading;
}

/** The rule without the estimate (product name, demo password), answered at once. */
export function namedProblem(password: string): StrengthProblem | undefined {
  if (!password) return 'empty';
  if (password === DEMO_PASSWORD) return 'demo';
  const folded = password.toLowerCase().replace(/ /g, '');
  if (PRODUCT_NAMES.some((n) => folded.includes(n))) return 'productName';
  return undefined;
}

/** The same verdict as the server; undefined while the estimator is still loading. */
export function checkStrength(password: string, userInputs: string[] = []): Strength | undefined {
  const named = namedProblem(password);
  if (named) return { score: 0, ok: false, problem: named };
  if (!factory) return undefined;
  // As the server: the first 100 characters are estimated.
  const result = factory.check(password.slice(0, 100), [...PRODUCT_NAMES, 'tongxin2026', 'demo', ...userInputs.filter(Boolean)]);
  return result.score >= MINIMUM_SCORE ? { score: result.score, ok: true } : { score: result.score, ok: false, problem: 'weak' };
}
