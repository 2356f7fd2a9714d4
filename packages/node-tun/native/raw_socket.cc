// Raw IPv4 socket for one IP protocol (see raw_socket.h): opening, recvmmsg batches, ICMP error
// draining; the sendmmsg half is in raw_socket_send.cc.
#include "raw_socket.h"

#include <arpa/inet.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace sy {

namespace {

constexpr uint32_t kMinIpHeader = 20;

}  // namespace

Napi::Function RawSocket::Init(Napi::Env env) {
  return DefineClass(env, "RawSocket",
                     {
                         InstanceMethod<&RawSocket::Info>("info"),
                         InstanceMethod<&RawSocket::Buffers>("buffers"),
                         InstanceMethod<&RawSocket::Start>("start"),
                         InstanceMethod<&RawSocket::Stop>("stop"),
                         InstanceMethod<&RawSocket::SendList>("sendList"),
                         InstanceMethod<&RawSocket::SendPacked>("sendPacked"),
                         InstanceMethod<&RawSocket::Stats>("stats"),
                         InstanceMethod<&RawSocket::Close>("close"),
                     });
}

// new RawSocket(protocol, netnsPath, bindAddress | -1, rcvbufBytes, sndbufBytes, batchSize, slotBytes)
RawSocket::RawSocket(const Napi::CallbackInfo& info) : Napi::ObjectWrap<RawSocket>(info) {
  Napi::Env env = info.Env();
  protocol_ = info[0].As<Napi::Number>().Int32Value();
  std::string netns = info[1].As<Napi::String>().Utf8Value();
  int64_t bind_address = info[2].As<Napi::Number>().Int64Value();
  int rcvbuf = info[3].As<Napi::Number>().Int32Value();
  int sndbuf = info[4].As<Napi::Number>().Int32Value();
  uint32_t batch = info[5].As<Napi::Number>().Uint32Value();
  slot_bytes_ = info[6].As<Napi::Number>().Uint32Value();
  arrays_.Allocate(env, static_cast<size_t>(batch) * slot_bytes_, batch, true);
  try {
    Open(env, netns, bind_address);
  } catch (...) {
    Release();
    throw;
  }
  if (rcvbuf > 0) SetBuffer(SO_RCVBUFFORCE, SO_RCVBUF, rcvbuf);
  if (sndbuf > 0) SetBuffer(SO_SNDBUFFORCE, SO_SNDBUF, sndbuf);
  recv_msgs_.resize(batch);
  recv_iov_.resize(batch);
  for (uint32_t i = 0; i < batch; i++) {
    recv_iov_[i] = {arrays_.slab + static_cast<size_t>(i) * slot_bytes_, slot_bytes_};
    std::memset(&recv_msgs_[i], 0, sizeof(recv_msgs_[i]));
    recv_msgs_[i].msg_hdr.msg_iov = &recv_iov_[i];
    recv_msgs_[i].msg_hdr.msg_iovlen = 1;
  }
  napi_add_env_cleanup_hook(env, &RawSocket::OnEnvCleanup, this);
  hooked_ = true;
}

RawSocket::~RawSocket() { Release(); }

void RawSocket::Open(Napi::Env env, const std::string& netns, int64_t bind_address) {
  {
    NetnsGuard guard(env, netns);
    fd_ = socket(AF_INET, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, protocol_);
  }
  const std::string what = "cannot open a raw IPv4 socket for protocol " + std::to_string(protocol_);
  if (fd_ < 0) {
    int err = errno;
    const char* code = (err == EPERM || err == EACCES) ? "SY_ERR_RAW_PERMISSION" : "SY_ERR_RAW_IO";
    throw SysError(env, code, what, "socket(AF_INET, SOCK_RAW)", err);
  }
  // Without IP_RECVERR Linux drops ICMP errors for an unconnected raw socket (raw_err()); with it
  // they are queued and counted in icmpErrors instead of passing unseen.
  int on = 1;
  setsockopt(fd_, SOL_IP, IP_RECVERR, &on, sizeof(on));
  if (bind_address < 0) return;
  struct sockaddr_in local {};
  local.sin_family = AF_INET;
  local.sin_addr.s_addr = htonl(static_cast<uint32_t>(bind_address));
  if (bind(fd_, reinterpret_cast<struct sockaddr*>(&local), sizeof(local)) != 0) {
    throw SysError(env, "SY_ERR_RAW_BIND", what + " (bind)", "bind", errno);
  }
}

// SO_*BUFFORCE (CAP_NET_ADMIN) may exceed net.core.[rw]mem_max, which is what a fast receiver needs;
// without the capability the plain option silently caps at the sysctl.
void RawSocket::SetBuffer(int force_option, int option, int bytes) {
  if (setsockopt(fd_, SOL_SOCKET, force_option, &bytes, sizeof(bytes)) == 0) return;
  setsockopt(fd_, SOL_SOCKET, option, &bytes, sizeof(bytes));
}

int RawSocket::GetIntOption(int option) const {
  int value = 0;
  socklen_t len = sizeof(value);
  if (fd_ < 0 || getsockopt(fd_, SOL_SOCKET, option, &value, &len) != 0) return 0;
  return value;
}

void RawSocket::CheckOpen(Napi::Env env) const {
  if (fd_ < 0) throw PlainError(env, "SY_ERR_CLOSED", "raw socket is closed");
}

Napi::Value RawSocket::Info(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  auto result = Napi::Object::New(env);
  result.Set("protocol", protocol_);
  result.Set("receiveBufferBytes", GetIntOption(SO_RCVBUF));
  result.Set("sendBufferBytes", GetIntOption(SO_SNDBUF));
  return result;
}

Napi::Value RawSocket::Buffers(const Napi::CallbackInfo& info) { return arrays_.ToObject(info.Env()); }

void RawSocket::Start(const Napi::CallbackInfo& info) {
  CheckOpen(info.Env());
  StartReading(info.Env(), info.This().As<Napi::Object>(), fd_, info[0].As<Napi::Function>());
}

void RawSocket::Stop(const Napi::CallbackInfo&) { StopReading(); }

void RawSocket::OnReadable(int status) {
  Napi::Env env = Env();
  Napi::HandleScope scope(env);
  if (status < 0) {
    // libuv stops a poll handle on POLLERR, which the socket raises while ICMP errors are queued.
    DrainErrors();
    int rc = Rearm();
    if (rc != 0) {
      EmitError(env, SysError(env, "SY_ERR_RAW_IO", "cannot poll the raw socket", "uv_poll_start", -rc));
      return;
    }
  }
  int count = Receive();
  if (count > 0) Emit(env, static_cast<uint32_t>(count));
}

// Empties the IP_RECVERR queue (one entry per ICMP error, e.g. protocol-unreachable from a peer
// without GRE) and the pending socket error, so POLLERR clears and reading goes on.
void RawSocket::DrainErrors() {
  GetIntOption(SO_ERROR);
  uint8_t data[64];
  uint8_t control[256];
  for (int i = 0; i < 4096; i++) {
    struct iovec iov = {data, sizeof(data)};
    struct msghdr msg {};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control;
    msg.msg_controllen = sizeof(control);
    if (recvmsg(fd_, &msg, MSG_ERRQUEUE | MSG_DONTWAIT) < 0) break;
    stats_.icmp_errors++;
  }
}

// One recvmmsg per wakeup; returns how many payloads were placed in the batch arrays.
int RawSocket::Receive() {
  int n = -1;
  for (int attempt = 0; n < 0; attempt++) {
    n = recvmmsg(fd_, recv_msgs_.data(), arrays_.capacity, MSG_DONTWAIT, nullptr);
    if (n >= 0) break;
    if (errno == EINTR) continue;
    if (errno == EAGAIN) return 0;
    // A stored ICMP error fails one call before any data; its queue entry is counted on POLLERR.
    if (IsAsyncNetError(errno) && attempt < 4) continue;
    stats_.receive_errors++;
    return 0;
  }
  uint32_t out = 0;
  for (int k = 0; k < n; k++) {
    const struct mmsghdr& msg = recv_msgs_[k];
    const size_t slot = static_cast<size_t>(k) * slot_bytes_;
    const uint8_t* packet = arrays_.slab + slot;
    const uint32_t length = msg.msg_len;
    if ((msg.msg_hdr.msg_flags & MSG_TRUNC) != 0) {
      stats_.truncated++;
      continue;
    }
    const uint32_t ihl = length >= kMinIpHeader ? (packet[0] & 0x0fu) * 4u : 0;
    if ((packet[0] >> 4) != 4 || ihl < kMinIpHeader || ihl > length) {
      stats_.receive_errors++;
      continue;
    }
    uint32_t source;
    std::memcpy(&source, packet + 12, sizeof(source));
    arrays_.offsets[out] = static_cast<uint32_t>(slot) + ihl;
    arrays_.lengths[out] = length - ihl;
    arrays_.sources[out] = ntohl(source);
    stats_.received_bytes += length - ihl;
    out++;
  }
  stats_.received += out;
  return static_cast<int>(out);
}

Napi::Value RawSocket::Stats(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  auto result = Napi::Object::New(env);
  result.Set("packetsReceived", stats_.received);
  result.Set("bytesReceived", stats_.received_bytes);
  result.Set("packetsSent", stats_.sent);
  result.Set("bytesSent", stats_.sent_bytes);
  result.Set("sendDrops", stats_.send_drops);
  result.Set("sendErrors", stats_.send_errors);
  result.Set("receiveErrors", stats_.receive_errors);
  result.Set("icmpErrors", stats_.icmp_errors);
  result.Set("truncated", stats_.truncated);
  return result;
}

void RawSocket::Close(const Napi::CallbackInfo&) { Release(); }

void RawSocket::Release() {
  StopReading();
  if (fd_ >= 0) close(fd_);
  fd_ = -1;
  if (hooked_) {
    napi_remove_env_cleanup_hook(Env(), &RawSocket::OnEnvCleanup, this);
    hooked_ = false;
  }
}

void RawSocket::OnEnvCleanup(void* arg) {
  auto* self = static_cast<RawSocket*>(arg);
  self->hooked_ = false;
  self->Release();
}

}  // namespace sy
