// Maps a network-namespace option to the file the addon setns()es into: a name is looked up where
// `ip netns add` mounts it (/run/netns), an absolute path (e.g. /proc/PID/ns/net) is used as is.
import { invalidArgument } from './errors.js';

const NAME = /^[A-Za-z0-9_.-]+$/;

/** '' (stay in the current namespace) when undefined. */
export function netnsPath(netns: string | undefined): string {
  if (netns === undefined) return '';
  if (netns.startsWith('/')) return netns;
  if (!NAME.test(netns) || netns === '.' || netns === '..') {
    throw invalidArgument(`'${netns}' is not a network namespace name`);
  }
  return `/run/netns/${netns}`;
}
