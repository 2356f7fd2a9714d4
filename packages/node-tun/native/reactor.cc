// Event-loop side shared by the TUN device and the raw socket (see reactor.h).
#include "reactor.h"

namespace sy {

void BatchArrays::Allocate(Napi::Env env, size_t slab_bytes_in, uint32_t capacity_in, bool with_sources) {
  auto slab_buffer = Napi::ArrayBuffer::New(env, slab_bytes_in);
  auto offsets_array = Napi::Uint32Array::New(env, capacity_in);
  auto lengths_array = Napi::Uint32Array::New(env, capacity_in);
  slab = static_cast<uint8_t*>(slab_buffer.Data());
  slab_bytes = slab_bytes_in;
  capacity = capacity_in;
  offsets = offsets_array.Data();
  lengths = lengths_array.Data();
  slab_ref_ = Napi::Persistent(slab_buffer);
  offsets_ref_ = Napi::Persistent(offsets_array);
  lengths_ref_ = Napi::Persistent(lengths_array);
  if (with_sources) {
    auto sources_array = Napi::Uint32Array::New(env, capacity_in);
    sources = sources_array.Data();
    sources_ref_ = Napi::Persistent(sources_array);
  }
}

Napi::Object BatchArrays::ToObject(Napi::Env env) const {
  auto result = Napi::Object::New(env);
  result.Set("slab", slab_ref_.Value());
  result.Set("offsets", offsets_ref_.Value());
  result.Set("lengths", lengths_ref_.Value());
  if (!sources_ref_.IsEmpty()) result.Set("sources", sources_ref_.Value());
  return result;
}

void Reactor::StartReading(Napi::Env env, Napi::Object self, int fd, Napi::Function cb) {
  cb_ = Napi::Persistent(cb);
  if (poller_.active()) return;
  uv_loop_t* loop = nullptr;
  napi_get_uv_event_loop(env, &loop);
  int rc = poller_.Start(loop, fd, &Reactor::Trampoline, this);
  if (rc != 0) {
    cb_.Reset();
    throw SysError(env, "SY_ERR_IO", "cannot poll the device", "uv_poll_start", -rc);
  }
  self_ = Napi::Persistent(self);
  ctx_ = std::make_unique<Napi::AsyncContext>(env, "node-tun:read", self);
}

void Reactor::StopReading() {
  poller_.Stop();
  cb_.Reset();
  self_.Reset();
  // Destroying an async context while MakeCallback runs inside it would free state node still uses.
  if (ctx_) {
    if (in_callback_ > 0) {
      retired_.push_back(std::move(ctx_));
    } else {
      ctx_.reset();
    }
  }
}

void Reactor::Trampoline(void* owner, int status) {
  static_cast<Reactor*>(owner)->OnReadable(status);
}

void Reactor::Call(Napi::Env env, const std::initializer_list<napi_value>& args, bool stop_first) {
  if (cb_.IsEmpty() || !ctx_) return;
  Napi::Function fn = cb_.Value();
  Napi::Object recv = self_.Value();
  Napi::AsyncContext* ctx = ctx_.get();
  in_callback_++;
  if (stop_first) StopReading();
  try {
    fn.MakeCallback(recv, args, *ctx);
  } catch (const Napi::Error& e) {
    // The TypeScript wrapper already reroutes handler exceptions; anything else is a bug: report it
    // as uncaught rather than swallowing it inside a libuv callback.
    napi_fatal_exception(env, e.Value());
  }
  if (--in_callback_ == 0) retired_.clear();
}

bool Reactor::Emit(Napi::Env env, uint32_t count) {
  Call(env, {Napi::Number::New(env, count)}, false);
  return poller_.active();
}

void Reactor::EmitError(Napi::Env env, const Napi::Error& error) {
  Call(env, {Napi::Number::New(env, -1), error.Value()}, true);
}

}  // namespace sy
