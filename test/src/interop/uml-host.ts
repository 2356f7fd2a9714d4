// Host preparation for User-Mode Linux: when to skip, the module symlink UML's modprobe needs, and an LD_PRELOAD
// shim for hosts with AMX, where UML 6.1 cannot restore FPU state (see FPU_SHIM_SOURCE) and init dies at once.
import { execFileSync } from 'node:child_process';
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { delimiter, join } from 'node:path';
import { HarnessError, hostEnv } from './exec.js';

export const UML_BINARY = 'linux.uml';
const UML_MODULES = '/usr/lib/uml/modules';

function onPath(binary: string): string | undefined {
  for (const dir of (hostEnv().PATH ?? '').split(delimiter)) {
    try {
      accessSync(join(dir, binary), constants.X_OK);
      return join(dir, binary);
    } catch {
      // Not in this directory.
    }
  }
  return undefined;
}

/** Why interop tests cannot run here (not root, or no UML kernel), or undefined when they can. */
export function umlSkipReason(): string | undefined {
  if (process.getuid?.() !== 0) return 'interop tests need root (network namespaces, taps, User-Mode Linux)';
  if (!onPath(UML_BINARY)) return `interop tests need ${UML_BINARY} (Debian package user-mode-linux) on PATH`;
  return undefined;
}

/**
 * UML's root is the host's / (hostfs), so its modprobe looks in the host's /lib/modules/<ver>: link that to
 * /usr/lib/uml/modules/<ver> if missing. Idempotent and safe against a concurrent run doing the same.
 */
export function ensureUmlModules(): string {
  const versions = existsSync(UML_MODULES) ? readdirSync(UML_MODULES) : [];
  const version = versions[0];
  if (versions.length !== 1 || version === undefined) {
    throw new HarnessError(`expected exactly one UML module version in ${UML_MODULES}, found [${versions}]`);
  }
  const link = `/lib/modules/${version}`;
  if (!existsSync(link)) {
    mkdirSync('/lib/modules', { recursive: true });
    try {
      symlinkSync(join(UML_MODULES, version), link);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return version;
}

/**
 * UML 6.1 saves and restores its processes' FPU state with PTRACE_{GET,SET}REGSET NT_X86_XSTATE and a buffer
 * sized for AVX-512 (2696 bytes). Hosts with AMX have an 11008-byte XSAVE area, and the host kernel rejects a
 * SETREGSET that is not the whole area with EFAULT: "userspace - ptrace set fp regs failed, errno = 14" and a
 * panic when init starts. This wrapper pads such a SETREGSET with zeros to the host's size (the AMX components
 * beyond UML's buffer are unused, i.e. in their init state, and the XSAVE header UML passes says so). UML runs
 * its processes from one host thread, so a static buffer is enough.
 */
const FPU_SHIM_SOURCE = String.raw`#define _GNU_SOURCE
#include <dlfcn.h>
#include <elf.h>
#include <stdarg.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/types.h>
#include <sys/uio.h>
typedef long (*ptrace_fn)(int, pid_t, void *, void *);
static unsigned char padded[65536] __attribute__((aligned(64)));
static size_t host_size;
long ptrace(enum __ptrace_request req, ...) {
  static ptrace_fn real;
  va_list ap;
  va_start(ap, req);
  pid_t pid = va_arg(ap, pid_t);
  void *addr = va_arg(ap, void *);
  void *data = va_arg(ap, void *);
  va_end(ap);
  if (!real) real = (ptrace_fn)dlsym(RTLD_NEXT, "ptrace");
  if (req == PTRACE_SETREGSET && (unsigned long)addr == NT_X86_XSTATE) {
    struct iovec *iov = data;
    if (!host_size) {
      struct iovec probe = { padded, sizeof padded };
      if (real(PTRACE_GETREGSET, pid, addr, &probe) == 0) host_size = probe.iov_len;
    }
    if (host_size > iov->iov_len && host_size <= sizeof padded) {
      memcpy(padded, iov->iov_base, iov->iov_len);
      memset(padded + iov->iov_len, 0, host_size - iov->iov_len);
      struct iovec whole = { padded, host_size };
      return real(req, pid, addr, &whole);
    }
  }
  return real(req, pid, addr, data);
}
`;

/** True when the host's CPU has AMX, whose XSAVE area UML 6.1 cannot hold. */
export function hostNeedsFpuShim(): boolean {
  try {
    return /\bamx_tile\b/.test(readFileSync('/proc/cpuinfo', 'utf8'));
  } catch {
    return false;
  }
}

/**
 * The environment to start linux.uml with: empty on most hosts; on AMX hosts an LD_PRELOAD of the shim above,
 * compiled with the host's cc into `dir` (a per-run directory, so nothing outlives the run).
 */
export function umlSpawnEnv(dir: string): Record<string, string> {
  if (!hostNeedsFpuShim()) return {};
  const cc = onPath('cc') ?? onPath('gcc');
  if (!cc) throw new HarnessError('this CPU has AMX: UML needs the FPU shim, which needs a C compiler (gcc)');
  const source = join(dir, 'uml-fpu-shim.c');
  const library = join(dir, 'uml-fpu-shim.so');
  writeFileSync(source, FPU_SHIM_SOURCE);
  execFileSync(cc, ['-O2', '-shared', '-fPIC', '-o', library, source, '-ldl'], {
    stdio: 'pipe',
    timeout: 60_000,
  });
  return { LD_PRELOAD: library };
}
