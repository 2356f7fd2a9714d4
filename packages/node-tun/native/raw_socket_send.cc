// Sending half of RawSocket: sendmmsg batches, payload only (the kernel adds the IPv4 header since
// IP_HDRINCL is off), one destination per packet or one for the whole batch.
#include <arpa/inet.h>

#include <algorithm>
#include <cerrno>

#include "raw_socket.h"

namespace sy {

namespace {

constexpr uint32_t kSendChunk = 1024;  // UIO_MAXIOV: the kernel's cap on one sendmmsg vector

struct Destinations {
  const uint32_t* list = nullptr;
  uint32_t single = 0;
  uint32_t At(uint32_t i) const { return list != nullptr ? list[i] : single; }
};

Destinations DestinationsArg(const Napi::Value& value, uint32_t count) {
  Destinations d;
  if (value.IsNumber()) {
    d.single = value.As<Napi::Number>().Uint32Value();
    return d;
  }
  Words words = WordsArg(value, "destinations");
  if (words.length < count) {
    throw PlainError(value.Env(), "SY_ERR_INVALID_ARGUMENT", "fewer destinations than packets");
  }
  d.list = words.data;
  return d;
}

}  // namespace

void RawSocket::EnsureSendCapacity(uint32_t count) {
  if (send_msgs_.size() >= count) return;
  send_msgs_.resize(count);
  send_iov_.resize(count);
  send_addrs_.resize(count);
}

void RawSocket::PrepareSend(uint32_t index, const uint8_t* data, size_t length, uint32_t destination) {
  struct sockaddr_in& addr = send_addrs_[index];
  addr.sin_family = AF_INET;
  addr.sin_port = 0;
  addr.sin_addr.s_addr = htonl(destination);
  send_iov_[index] = {const_cast<uint8_t*>(data), length};
  struct msghdr& hdr = send_msgs_[index].msg_hdr;
  hdr.msg_name = &addr;
  hdr.msg_namelen = sizeof(addr);
  hdr.msg_iov = &send_iov_[index];
  hdr.msg_iovlen = 1;
}

uint32_t RawSocket::SendPrepared(uint32_t count) {
  uint32_t i = 0;
  uint32_t sent = 0;
  bool retried = false;
  while (i < count) {
    int n = sendmmsg(fd_, send_msgs_.data() + i, count - i, 0);
    if (n > 0) {
      for (int k = 0; k < n; k++) stats_.sent_bytes += send_msgs_[i + k].msg_len;
      retried = false;
      i += n;
      sent += n;
      continue;
    }
    int err = errno;
    if (err == EINTR) continue;
    // Never block the event loop: a full send buffer costs the rest of the batch, counted as drops.
    if (err == EAGAIN || err == ENOBUFS) {
      stats_.send_drops += count - i;
      break;
    }
    // A stored ICMP error fails one send without sending; a retry tells it apart from a packet
    // the kernel rejects itself (no route, too big), which is skipped and counted.
    if (IsAsyncNetError(err) && !retried) {
      retried = true;
      continue;
    }
    retried = false;
    stats_.send_errors++;
    i++;
  }
  stats_.sent += sent;
  return sent;
}

// sendList(packets: Uint8Array[], destinations: Uint32Array | number)
Napi::Value RawSocket::SendList(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  CheckOpen(env);
  auto packets = info[0].As<Napi::Array>();
  const uint32_t count = packets.Length();
  Destinations dst = DestinationsArg(info[1], count);
  uint32_t sent = 0;
  for (uint32_t base = 0; base < count; base += kSendChunk) {
    const uint32_t m = std::min(kSendChunk, count - base);
    EnsureSendCapacity(m);
    for (uint32_t j = 0; j < m; j++) {
      Bytes packet = BytesArg(packets.Get(base + j), "packets[i]");
      PrepareSend(j, packet.data, packet.length, dst.At(base + j));
    }
    sent += SendPrepared(m);
  }
  return Napi::Number::New(env, sent);
}

// sendPacked(buffer, offsets, lengths, destinations, count)
Napi::Value RawSocket::SendPacked(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  CheckOpen(env);
  Bytes buffer = BytesArg(info[0], "buffer");
  Words offsets = WordsArg(info[1], "offsets");
  Words lengths = WordsArg(info[2], "lengths");
  const uint32_t count = info[4].As<Napi::Number>().Uint32Value();
  Destinations dst = DestinationsArg(info[3], count);
  if (!PackedInBounds(buffer, offsets, lengths, count)) {
    throw PlainError(env, "SY_ERR_INVALID_ARGUMENT", "packed batch exceeds its buffer or arrays");
  }
  uint32_t sent = 0;
  for (uint32_t base = 0; base < count; base += kSendChunk) {
    const uint32_t m = std::min(kSendChunk, count - base);
    EnsureSendCapacity(m);
    for (uint32_t j = 0; j < m; j++) {
      const uint32_t i = base + j;
      PrepareSend(j, buffer.data + offsets.data[i], lengths.data[i], dst.At(i));
    }
    sent += SendPrepared(m);
  }
  return Napi::Number::New(env, sent);
}

}  // namespace sy
