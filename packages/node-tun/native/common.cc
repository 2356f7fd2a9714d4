// Shared helpers for the node-tun addon (see common.h).
#include "common.h"

#include <fcntl.h>
#include <sched.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace sy {

Napi::Error SysError(Napi::Env env, const char* code, const std::string& what, const char* syscall, int err) {
  const char* name = strerrorname_np(err);
  std::string message = what + ": " + std::strerror(err) + " (" + (name != nullptr ? name : "E?") +
                        ", errno " + std::to_string(err) + ", syscall " + syscall + ")";
  Napi::Error error = Napi::Error::New(env, message);
  error.Set("code", Napi::String::New(env, code));
  error.Set("errno", Napi::Number::New(env, err));
  error.Set("syscall", Napi::String::New(env, syscall));
  return error;
}

Napi::Error PlainError(Napi::Env env, const char* code, const std::string& what) {
  Napi::Error error = Napi::Error::New(env, what);
  error.Set("code", Napi::String::New(env, code));
  return error;
}

NetnsGuard::NetnsGuard(Napi::Env env, const std::string& path) {
  if (path.empty()) return;
  int orig = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
  if (orig < 0) throw SysError(env, "SY_ERR_NETNS", "cannot save the current network namespace", "open", errno);
  int target = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (target < 0) {
    int err = errno;
    close(orig);
    const char* code = err == ENOENT ? "SY_ERR_NETNS_NOT_FOUND"
                       : (err == EPERM || err == EACCES) ? "SY_ERR_NETNS_PERMISSION"
                                                         : "SY_ERR_NETNS";
    throw SysError(env, code, "cannot open network namespace '" + path + "'", "open", err);
  }
  if (setns(target, CLONE_NEWNET) != 0) {
    int err = errno;
    close(target);
    close(orig);
    const char* code = err == EPERM ? "SY_ERR_NETNS_PERMISSION" : "SY_ERR_NETNS";
    throw SysError(env, code, "cannot enter network namespace '" + path + "'", "setns", err);
  }
  close(target);
  orig_ = orig;
}

NetnsGuard::~NetnsGuard() {
  if (orig_ < 0) return;
  // Staying in the wrong namespace would silently misplace every later socket of the process.
  if (setns(orig_, CLONE_NEWNET) != 0) Napi::Error::Fatal("node-tun", "cannot return to the original netns");
  close(orig_);
}

int Poller::Start(uv_loop_t* loop, int fd, Callback cb, void* owner) {
  if (handle_ != nullptr) return 0;
  auto* handle = new uv_poll_t;
  int rc = uv_poll_init(loop, handle, fd);
  if (rc != 0) {
    delete handle;
    return rc;
  }
  handle->data = this;
  cb_ = cb;
  owner_ = owner;
  handle_ = handle;
  rc = uv_poll_start(handle, UV_READABLE, OnPoll);
  if (rc != 0) Stop();
  return rc;
}

int Poller::Rearm() {
  if (handle_ == nullptr) return UV_EINVAL;
  return uv_poll_start(handle_, UV_READABLE, OnPoll);
}

void Poller::Stop() {
  if (handle_ == nullptr) return;
  uv_poll_stop(handle_);
  uv_close(reinterpret_cast<uv_handle_t*>(handle_),
           [](uv_handle_t* h) { delete reinterpret_cast<uv_poll_t*>(h); });
  handle_ = nullptr;
}

void Poller::OnPoll(uv_poll_t* handle, int status, int /*events*/) {
  auto* self = static_cast<Poller*>(handle->data);
  self->cb_(self->owner_, status);
}

namespace {

// One napi_get_typedarray_info call per argument. node-addon-api's IsTypedArray, TypedArrayType and
// Uint8Array wrapper made three, on every TUN write and send batch: crypto-native measured ≈130 ns per
// call into an addon with them and ≈60 ns without (its addon.cc). `data` already includes the view's
// byteOffset, so a view into a slab is read where it lies.
bool TypedArrayArg(const Napi::Value& value, napi_typedarray_type want, void** data, size_t* length) {
  napi_typedarray_type type;
  napi_status status = napi_get_typedarray_info(value.Env(), value, &type, length, data, nullptr, nullptr);
  return status == napi_ok && type == want;
}

}  // namespace

Bytes BytesArg(const Napi::Value& value, const char* name) {
  void* data = nullptr;
  size_t length = 0;
  if (!TypedArrayArg(value, napi_uint8_array, &data, &length)) {
    throw PlainError(value.Env(), "SY_ERR_INVALID_ARGUMENT", std::string(name) + " must be a Uint8Array");
  }
  return Bytes{static_cast<uint8_t*>(data), length};
}

Words WordsArg(const Napi::Value& value, const char* name) {
  void* data = nullptr;
  size_t length = 0;
  if (!TypedArrayArg(value, napi_uint32_array, &data, &length)) {
    throw PlainError(value.Env(), "SY_ERR_INVALID_ARGUMENT", std::string(name) + " must be a Uint32Array");
  }
  return Words{static_cast<uint32_t*>(data), length};
}

bool PackedInBounds(const Bytes& buffer, const Words& offsets, const Words& lengths, uint32_t count) {
  if (count > offsets.length || count > lengths.length) return false;
  for (uint32_t i = 0; i < count; i++) {
    uint64_t end = uint64_t{offsets.data[i]} + lengths.data[i];
    if (end > buffer.length) return false;
  }
  return true;
}

bool IsAsyncNetError(int err) {
  switch (err) {
    case ECONNREFUSED:
    case EHOSTUNREACH:
    case ENETUNREACH:
    case EHOSTDOWN:
    case ENETDOWN:
    case EPROTO:
    case ENOPROTOOPT:
    case EMSGSIZE:
    case ETIMEDOUT:
    case EOPNOTSUPP:
    case ECONNRESET:
      return true;
    default:
      return false;
  }
}

}  // namespace sy
