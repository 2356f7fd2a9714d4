// TUN device (Linux Documentation/networking/tuntap.rst): IFF_TUN|IFF_NO_PI, so each read/write is
// exactly one IP packet. Creation, batched reads and non-blocking writes; ioctls live in tun_config.cc.
#include "tun.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <net/if.h>
#include <linux/if_tun.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace sy {

namespace {

// A read needs room for the largest IPv4 packet: the kernel silently truncates a TUN read that does
// not fit, and a jumbo MTU may be set behind our back.
constexpr size_t kMaxPacket = 65535;
constexpr size_t kSlotHint = 2048;

const char* OpenErrorCode(int err) {
  if (err == EPERM || err == EACCES) return "SY_ERR_TUN_PERMISSION";
  if (err == ENOENT || err == ENODEV || err == ENXIO) return "SY_ERR_TUN_UNAVAILABLE";
  return "SY_ERR_TUN_IO";
}

}  // namespace

Napi::Function Tun::Init(Napi::Env env) {
  return DefineClass(env, "Tun",
                     {
                         InstanceMethod<&Tun::Info>("info"),
                         InstanceMethod<&Tun::Buffers>("buffers"),
                         InstanceMethod<&Tun::SetMtu>("setMtu"),
                         InstanceMethod<&Tun::SetTxQueueLength>("setTxQueueLength"),
                         InstanceMethod<&Tun::SetAddress>("setAddress"),
                         InstanceMethod<&Tun::SetUp>("setUp"),
                         InstanceMethod<&Tun::Start>("start"),
                         InstanceMethod<&Tun::Stop>("stop"),
                         InstanceMethod<&Tun::Write>("write"),
                         InstanceMethod<&Tun::WriteList>("writeList"),
                         InstanceMethod<&Tun::WritePacked>("writePacked"),
                         InstanceMethod<&Tun::Stats>("stats"),
                         InstanceMethod<&Tun::Close>("close"),
                     });
}

// new Tun(name, netnsPath, exclusive, batchSize)
Tun::Tun(const Napi::CallbackInfo& info) : Napi::ObjectWrap<Tun>(info) {
  Napi::Env env = info.Env();
  std::string name = info[0].As<Napi::String>().Utf8Value();
  std::string netns = info[1].As<Napi::String>().Utf8Value();
  bool exclusive = info[2].As<Napi::Boolean>().Value();
  uint32_t batch = info[3].As<Napi::Number>().Uint32Value();
  if (name.size() >= IFNAMSIZ) {
    throw PlainError(env, "SY_ERR_TUN_INVALID_NAME",
                     "TUN device name '" + name + "' is too long (at most " + std::to_string(IFNAMSIZ - 1) +
                         " bytes)");
  }
  arrays_.Allocate(env, kMaxPacket + static_cast<size_t>(batch) * kSlotHint, batch, false);
  try {
    Open(env, name, netns, exclusive);
  } catch (...) {
    Release();
    throw;
  }
  napi_add_env_cleanup_hook(env, &Tun::OnEnvCleanup, this);
  hooked_ = true;
}

Tun::~Tun() { Release(); }

void Tun::Open(Napi::Env env, const std::string& name, const std::string& netns, bool exclusive) {
  {
    // Both fds must be created inside the namespace: the TUN file binds the new interface to it and
    // the control socket's ioctls act on it.
    NetnsGuard guard(env, netns);
    fd_ = open("/dev/net/tun", O_RDWR | O_NONBLOCK | O_CLOEXEC);
    if (fd_ < 0) throw SysError(env, OpenErrorCode(errno), "cannot open /dev/net/tun", "open", errno);
    ctl_ = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (ctl_ < 0) throw SysError(env, "SY_ERR_TUN_IO", "cannot create a control socket", "socket", errno);
  }
  struct ifreq ifr {};
  std::strncpy(ifr.ifr_name, name.c_str(), IFNAMSIZ - 1);
  ifr.ifr_flags = IFF_TUN | IFF_NO_PI | (exclusive ? IFF_TUN_EXCL : 0);
  if (ioctl(fd_, TUNSETIFF, &ifr) != 0) {
    int err = errno;
    const std::string what = "cannot create TUN device '" + name + "'";
    if (err == EPERM || err == EACCES) throw SysError(env, "SY_ERR_TUN_PERMISSION", what, "ioctl(TUNSETIFF)", err);
    if (err == EBUSY) throw SysError(env, "SY_ERR_TUN_BUSY", what + " (name in use)", "ioctl(TUNSETIFF)", err);
    if (err == EINVAL) {
      // tun_set_iff() answers EINVAL both for a malformed name and for a name taken by a non-TUN device.
      struct ifreq probe {};
      std::strncpy(probe.ifr_name, name.c_str(), IFNAMSIZ - 1);
      bool taken = !name.empty() && ioctl(ctl_, SIOCGIFINDEX, &probe) == 0;
      throw SysError(env, taken ? "SY_ERR_TUN_BUSY" : "SY_ERR_TUN_INVALID_NAME",
                     taken ? what + " (name in use by a device that is not a TUN device)" : what + " (invalid name)",
                     "ioctl(TUNSETIFF)", err);
    }
    throw SysError(env, "SY_ERR_TUN_IO", what, "ioctl(TUNSETIFF)", err);
  }
  name_.assign(ifr.ifr_name, strnlen(ifr.ifr_name, IFNAMSIZ));
  struct ifreq req = Request();
  if (ioctl(ctl_, SIOCGIFINDEX, &req) != 0) throw SysError(env, "SY_ERR_TUN_IO", "cannot read ifindex", "ioctl(SIOCGIFINDEX)", errno);
  ifindex_ = req.ifr_ifindex;
}

Napi::Value Tun::Buffers(const Napi::CallbackInfo& info) { return arrays_.ToObject(info.Env()); }

void Tun::Start(const Napi::CallbackInfo& info) {
  if (fd_ < 0) throw PlainError(info.Env(), "SY_ERR_CLOSED", "TUN device is closed");
  StartReading(info.Env(), info.This().As<Napi::Object>(), fd_, info[0].As<Napi::Function>());
}

void Tun::Stop(const Napi::CallbackInfo&) { StopReading(); }

void Tun::OnReadable(int status) {
  Napi::Env env = Env();
  Napi::HandleScope scope(env);
  size_t used = 0;
  uint32_t count = 0;
  int fatal = 0;
  while (count < arrays_.capacity && arrays_.slab_bytes - used >= kMaxPacket) {
    ssize_t n = read(fd_, arrays_.slab + used, arrays_.slab_bytes - used);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno != EAGAIN) fatal = errno;
      break;
    }
    arrays_.offsets[count] = static_cast<uint32_t>(used);
    arrays_.lengths[count] = static_cast<uint32_t>(n);
    used += static_cast<size_t>(n);
    stats_.read_bytes += static_cast<double>(n);
    count++;
  }
  stats_.read += count;
  if (count > 0 && !Emit(env, count)) return;
  if (fatal != 0) {
    // EBADFD after `ip link del`: the device is gone, so polling would spin on POLLERR.
    stats_.read_errors++;
    EmitError(env, SysError(env, "SY_ERR_TUN_IO", "TUN device '" + name_ + "' failed", "read", fatal));
  } else if (status < 0) {
    Rearm();
  }
}

bool Tun::WriteOne(const uint8_t* data, size_t length) {
  for (;;) {
    ssize_t n = write(fd_, data, length);
    if (n >= 0) {
      stats_.written++;
      stats_.written_bytes += static_cast<double>(n);
      return true;
    }
    if (errno == EINTR) continue;
    // Never block the event loop: a full queue costs a packet, like a NIC ring overrun.
    if (errno == EAGAIN || errno == ENOBUFS) {
      stats_.write_drops++;
    } else {
      stats_.write_errors++;
    }
    return false;
  }
}

void Tun::CheckOpen(Napi::Env env) const {
  if (fd_ < 0) throw PlainError(env, "SY_ERR_CLOSED", "TUN device is closed");
}

Napi::Value Tun::Write(const Napi::CallbackInfo& info) {
  CheckOpen(info.Env());
  Bytes packet = BytesArg(info[0], "packet");
  return Napi::Boolean::New(info.Env(), WriteOne(packet.data, packet.length));
}

Napi::Value Tun::WriteList(const Napi::CallbackInfo& info) {
  CheckOpen(info.Env());
  auto packets = info[0].As<Napi::Array>();
  uint32_t total = packets.Length();
  uint32_t written = 0;
  for (uint32_t i = 0; i < total; i++) {
    Bytes packet = BytesArg(packets.Get(i), "packets[i]");
    if (WriteOne(packet.data, packet.length)) written++;
  }
  return Napi::Number::New(info.Env(), written);
}

// writePacked(buffer, offsets, lengths, count): all bounds are checked before the first write.
Napi::Value Tun::WritePacked(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  CheckOpen(env);
  Bytes buffer = BytesArg(info[0], "buffer");
  Words offsets = WordsArg(info[1], "offsets");
  Words lengths = WordsArg(info[2], "lengths");
  uint32_t count = info[3].As<Napi::Number>().Uint32Value();
  if (!PackedInBounds(buffer, offsets, lengths, count)) {
    throw PlainError(env, "SY_ERR_INVALID_ARGUMENT", "packed batch exceeds its buffer or arrays");
  }
  uint32_t written = 0;
  for (uint32_t i = 0; i < count; i++) {
    if (WriteOne(buffer.data + offsets.data[i], lengths.data[i])) written++;
  }
  return Napi::Number::New(env, written);
}

Napi::Value Tun::Stats(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  auto result = Napi::Object::New(env);
  result.Set("packetsRead", stats_.read);
  result.Set("bytesRead", stats_.read_bytes);
  result.Set("packetsWritten", stats_.written);
  result.Set("bytesWritten", stats_.written_bytes);
  result.Set("writeDrops", stats_.write_drops);
  result.Set("writeErrors", stats_.write_errors);
  result.Set("readErrors", stats_.read_errors);
  return result;
}

void Tun::Close(const Napi::CallbackInfo&) { Release(); }

void Tun::Release() {
  StopReading();
  // Closing the last fd of a non-persistent TUN device deletes the interface.
  if (fd_ >= 0) close(fd_);
  if (ctl_ >= 0) close(ctl_);
  fd_ = -1;
  ctl_ = -1;
  if (hooked_) {
    napi_remove_env_cleanup_hook(Env(), &Tun::OnEnvCleanup, this);
    hooked_ = false;
  }
}

void Tun::OnEnvCleanup(void* arg) {
  auto* self = static_cast<Tun*>(arg);
  self->hooked_ = false;
  self->Release();
}

}  // namespace sy
