// Typed injection tokens. `const t: InjectionToken<X> = Symbol()` narrows to `symbol` and loses X, so
// every token is made by this helper; resolve() and resolveAll() then infer X.
import type { InjectionToken } from 'tsyringe';

export type Token<T> = InjectionToken<T> & { readonly __type?: T };

/** Makes a token with a stable, global id (`Symbol.for`), so two copies of a package agree on it. */
export const createToken = <T>(id: string): Token<T> => Symbol.for(`switchyard.${id}`) as Token<T>;

/** The id given to createToken, for error messages. */
export const tokenName = (token: InjectionToken<unknown>): string => {
  if (typeof token === 'symbol') return (token.description ?? 'anonymous').replace(/^switchyard\./, '');
  if (typeof token === 'string') return token;
  return (token as { name?: string }).name ?? 'anonymous';
};
