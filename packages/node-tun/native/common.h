// Shared helpers for the node-tun addon: JS errors with stable SY_ERR_* codes, network-namespace
// entry for the calling thread only, a libuv poll wrapper, and typed-array argument access.
#pragma once

#include <napi.h>
#include <uv.h>

#include <cstdint>
#include <string>

namespace sy {

// Builds an Error with .code, .errno and .syscall; the message names the errno and syscall too, so a
// log line alone is enough to diagnose (e.g. "... (EPERM, errno 1, syscall ioctl(TUNSETIFF))").
Napi::Error SysError(Napi::Env env, const char* code, const std::string& what, const char* syscall, int err);
Napi::Error PlainError(Napi::Env env, const char* code, const std::string& what);

// Enters the network namespace at `path` (no-op when empty) for the guard's lifetime. setns() only
// moves the calling thread, and the kernel binds a socket or /dev/net/tun file to the namespace that
// was current when it was created, so the fd keeps working in that namespace after we switch back.
class NetnsGuard {
 public:
  NetnsGuard(Napi::Env env, const std::string& path);
  ~NetnsGuard();
  NetnsGuard(const NetnsGuard&) = delete;
  NetnsGuard& operator=(const NetnsGuard&) = delete;

 private:
  int orig_ = -1;
};

// A uv_poll_t for readability of one fd. The handle is heap-allocated and freed in its close callback,
// so Stop() is safe from inside the poll callback and from a destructor.
class Poller {
 public:
  using Callback = void (*)(void* owner, int status);
  Poller() = default;
  ~Poller() { Stop(); }
  Poller(const Poller&) = delete;
  Poller& operator=(const Poller&) = delete;

  int Start(uv_loop_t* loop, int fd, Callback cb, void* owner);
  // libuv stops a poll handle when epoll reports POLLERR; this re-arms the same handle.
  int Rearm();
  void Stop();
  bool active() const { return handle_ != nullptr; }

 private:
  static void OnPoll(uv_poll_t* handle, int status, int events);
  uv_poll_t* handle_ = nullptr;
  Callback cb_ = nullptr;
  void* owner_ = nullptr;
};

// Raw pointer and element count of a typed array argument; throws SY_ERR_INVALID_ARGUMENT otherwise.
struct Bytes {
  uint8_t* data;
  size_t length;
};
Bytes BytesArg(const Napi::Value& value, const char* name);
struct Words {
  uint32_t* data;
  size_t length;
};
Words WordsArg(const Napi::Value& value, const char* name);
// True when packets [0, count) described by offsets/lengths all lie inside buffer.
bool PackedInBounds(const Bytes& buffer, const Words& offsets, const Words& lengths, uint32_t count);

// Errors Linux's raw_err() stores on a socket (with IP_RECVERR) when an ICMP error comes back; they
// fail the next syscall once and say nothing about the health of our own socket.
bool IsAsyncNetError(int err);

}  // namespace sy
