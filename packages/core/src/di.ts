// tsyringe needs the Reflect polyfill loaded before it; ESM evaluates imports in order, so every core
// module (and every plugin, through core's index) takes tsyringe from here, never directly.
import 'reflect-metadata';

export { container, inject, injectAll, injectable, singleton, Lifecycle } from 'tsyringe';
export type { DependencyContainer, InjectionToken } from 'tsyringe';
