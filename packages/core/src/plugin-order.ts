// Start order from declared tokens: a plugin starts after every provider of what it requires or uses.
// Nothing is ordered by name (the accel-ppp get_layer_order trap). Errors name plugin and token.
import { ErrorCodes, SwitchyardError } from './errors.js';
import type { Plugin } from './plugin.js';
import { tokenName, type Token } from './tokens.js';

/** Returns the plugins in a valid start order (stable: ties keep the listed order). */
export function orderPlugins(plugins: readonly Plugin[]): Plugin[] {
  const seen = new Set<string>();
  for (const p of plugins) {
    if (seen.has(p.id))
      throw new SwitchyardError(ErrorCodes.pluginDuplicate, `plugin '${p.id}' is listed twice`);
    seen.add(p.id);
  }
  const providers = new Map<Token<unknown>, Plugin[]>();
  for (const p of plugins) {
    for (const token of p.provides ?? []) providers.set(token, [...(providers.get(token) ?? []), p]);
  }
  const dependencies = new Map<Plugin, Plugin[]>();
  for (const p of plugins) {
    const deps: Plugin[] = [];
    for (const token of p.requires ?? []) {
      const found = providers.get(token);
      if (!found) {
        throw new SwitchyardError(
          ErrorCodes.pluginMissingDependency,
          `plugin '${p.id}' requires '${tokenName(token)}', which no listed plugin provides`,
        );
      }
      deps.push(...found);
    }
    for (const token of p.uses ?? []) deps.push(...(providers.get(token) ?? []));
    dependencies.set(
      p,
      deps.filter((d) => d !== p),
    );
  }

  const ordered: Plugin[] = [];
  const state = new Map<Plugin, 'visiting' | 'done'>();
  const visit = (p: Plugin, path: Plugin[]): void => {
    const mark = state.get(p);
    if (mark === 'done') return;
    if (mark === 'visiting') {
      const cycle = [...path.slice(path.indexOf(p)), p].map((x) => x.id).join(' -> ');
      throw new SwitchyardError(ErrorCodes.pluginCycle, `plugin dependency cycle: ${cycle}`);
    }
    state.set(p, 'visiting');
    for (const dep of dependencies.get(p) ?? []) visit(dep, [...path, p]);
    state.set(p, 'done');
    ordered.push(p);
  };
  for (const p of plugins) visit(p, []);
  return ordered;
}
