// Event-loop side shared by the TUN device and the raw socket: a uv_poll on the fd, the JS batch
// callback, and the reusable arrays a batch is delivered in (one callback per wakeup, no allocation).
#pragma once

#include <napi.h>

#include <memory>
#include <vector>

#include "common.h"

namespace sy {

// Packet slab plus parallel offsets/lengths (and optional IPv4 sources) arrays, allocated once and
// handed to JS once; native code overwrites them on every wakeup, so JS may only read them inside
// the batch callback.
struct BatchArrays {
  void Allocate(Napi::Env env, size_t slab_bytes, uint32_t capacity, bool with_sources);
  Napi::Object ToObject(Napi::Env env) const;

  uint8_t* slab = nullptr;
  size_t slab_bytes = 0;
  uint32_t capacity = 0;
  uint32_t* offsets = nullptr;
  uint32_t* lengths = nullptr;
  uint32_t* sources = nullptr;

 private:
  Napi::Reference<Napi::ArrayBuffer> slab_ref_;
  Napi::Reference<Napi::Uint32Array> offsets_ref_;
  Napi::Reference<Napi::Uint32Array> lengths_ref_;
  Napi::Reference<Napi::Uint32Array> sources_ref_;
};

class Reactor {
 public:
  Reactor() = default;
  virtual ~Reactor() = default;
  Reactor(const Reactor&) = delete;
  Reactor& operator=(const Reactor&) = delete;

 protected:
  // Polls fd for readability and calls OnReadable(); the callback is cb(count) or cb(-1, error).
  // `self` is held strongly while reading so the device is not collected while the kernel feeds it.
  void StartReading(Napi::Env env, Napi::Object self, int fd, Napi::Function cb);
  // Idempotent and safe from inside the callback (the async context is retired after it returns).
  void StopReading();
  bool reading() const { return poller_.active(); }
  int Rearm() { return poller_.Rearm(); }
  // Returns whether the device is still reading after JS ran (JS may stop or close it).
  bool Emit(Napi::Env env, uint32_t count);
  void EmitError(Napi::Env env, const Napi::Error& error);

  virtual void OnReadable(int status) = 0;

 private:
  static void Trampoline(void* owner, int status);
  void Call(Napi::Env env, const std::initializer_list<napi_value>& args, bool stop_first);

  Poller poller_;
  Napi::FunctionReference cb_;
  Napi::ObjectReference self_;
  std::unique_ptr<Napi::AsyncContext> ctx_;
  std::vector<std::unique_ptr<Napi::AsyncContext>> retired_;
  int in_callback_ = 0;
};

}  // namespace sy
