// Errors of the TUN and raw-socket binding: stable SY_ERR_* codes (STYLE.md §3.7) plus the errno and
// syscall the kernel answered, so callers branch on `code` and operators read the message.

/** Stable error codes thrown by this package. */
export type NodeTunErrorCode =
  /** EPERM/EACCES creating or configuring a TUN device (needs CAP_NET_ADMIN). */
  | 'SY_ERR_TUN_PERMISSION'
  /** /dev/net/tun is missing (no tun driver, or a container without the device node). */
  | 'SY_ERR_TUN_UNAVAILABLE'
  /** The name is used by another device: a TUN device held open elsewhere, or a non-TUN link. */
  | 'SY_ERR_TUN_BUSY'
  /** The name is too long (15 bytes at most) or the kernel rejects it. */
  | 'SY_ERR_TUN_INVALID_NAME'
  /** An address, MTU or flags ioctl failed for a reason other than permission. */
  | 'SY_ERR_TUN_CONFIG'
  /** Any other failure of the TUN fd, e.g. the interface was deleted while reading. */
  | 'SY_ERR_TUN_IO'
  /** EPERM/EACCES opening a raw socket (needs CAP_NET_RAW). */
  | 'SY_ERR_RAW_PERMISSION'
  /** bind() to the requested local address failed (usually EADDRNOTAVAIL). */
  | 'SY_ERR_RAW_BIND'
  /** Any other raw-socket failure. */
  | 'SY_ERR_RAW_IO'
  /** EPERM/EACCES changing a route, an ARP entry or a sysctl (needs CAP_NET_ADMIN). */
  | 'SY_ERR_NET_PERMISSION'
  /** The interface a route or ARP entry names does not exist (ENODEV). */
  | 'SY_ERR_NET_NO_DEVICE'
  /** Adding a route some route already claims (EEXIST). */
  | 'SY_ERR_ROUTE_EXISTS'
  /** Deleting a route that is not there (ESRCH). */
  | 'SY_ERR_ROUTE_NOT_FOUND'
  /** Any other rtnetlink route failure; the message carries the kernel's extended ack. */
  | 'SY_ERR_ROUTE'
  /** Deleting a proxy ARP entry that is not there. */
  | 'SY_ERR_ARP_NOT_FOUND'
  /** Any other SIOCSARP/SIOCDARP/SIOCGIFHWADDR failure. */
  | 'SY_ERR_ARP'
  /** A /proc/sys file could not be opened, read or written (e.g. no such key, value refused). */
  | 'SY_ERR_SYSCTL'
  /** The named network namespace does not exist. */
  | 'SY_ERR_NETNS_NOT_FOUND'
  /** Entering the network namespace was refused (needs CAP_SYS_ADMIN). */
  | 'SY_ERR_NETNS_PERMISSION'
  /** Another failure while entering a network namespace. */
  | 'SY_ERR_NETNS'
  /** The operation needs an open device or socket. */
  | 'SY_ERR_CLOSED'
  /** A malformed option or argument (address, MTU, batch bounds...). */
  | 'SY_ERR_INVALID_ARGUMENT'
  /** The compiled addon could not be loaded (not built: run node-gyp rebuild). */
  | 'SY_ERR_NATIVE_UNAVAILABLE'
  /** A libuv polling failure. */
  | 'SY_ERR_IO';

/** Error thrown (or passed to an `onError` handler) by TunDevice, RawIpSocket and net-config. */
export class NodeTunError extends Error {
  override readonly name = 'NodeTunError';
  /** Stable code to branch on. */
  readonly code: NodeTunErrorCode;
  /** The errno the kernel returned, when a syscall failed. */
  readonly errno: number | undefined;
  /** The failing syscall, e.g. `ioctl(TUNSETIFF)`. */
  readonly syscall: string | undefined;

  constructor(
    code: NodeTunErrorCode,
    message: string,
    options: { errno?: number; syscall?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.errno = options.errno;
    this.syscall = options.syscall;
  }
}

/** Converts an error thrown by the addon (a plain Error carrying `code`) into a NodeTunError. */
export function fromNative(error: unknown): unknown {
  if (!(error instanceof Error) || error instanceof NodeTunError) return error;
  const { code, errno, syscall } = error as Error & { code?: unknown; errno?: unknown; syscall?: unknown };
  if (typeof code !== 'string' || !code.startsWith('SY_ERR_')) return error;
  return new NodeTunError(code as NodeTunErrorCode, error.message, {
    ...(typeof errno === 'number' ? { errno } : {}),
    ...(typeof syscall === 'string' ? { syscall } : {}),
  });
}

/** Runs a native call, rethrowing its errors as NodeTunError. */
export function callNative<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw fromNative(error);
  }
}

/** Shorthand for argument validation failures. */
export function invalidArgument(message: string): NodeTunError {
  return new NodeTunError('SY_ERR_INVALID_ARGUMENT', message);
}

/** Returns `value` if it is an integer in [min, max]; throws SY_ERR_INVALID_ARGUMENT otherwise. */
export function validateInteger(value: number, min: number, max: number, name: string): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalidArgument(`${name} must be an integer in [${min}, ${max}], got ${value}`);
  }
  return value;
}
