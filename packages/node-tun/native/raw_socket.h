// Raw IPv4 socket for one IP protocol (47 for GRE, RFC 2637 §4.4): the kernel builds the IP header
// on send; receives arrive with the header, which is stripped here using its IHL (RFC 791 §3.1).
#pragma once

#include <napi.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <vector>

#include "common.h"
#include "reactor.h"

namespace sy {

class RawSocket : public Napi::ObjectWrap<RawSocket>, public Reactor {
 public:
  static Napi::Function Init(Napi::Env env);
  explicit RawSocket(const Napi::CallbackInfo& info);
  ~RawSocket() override;

 private:
  void Open(Napi::Env env, const std::string& netns, int64_t bind_address);
  void SetBuffer(int force_option, int option, int bytes);
  int GetIntOption(int option) const;
  void CheckOpen(Napi::Env env) const;
  void EnsureSendCapacity(uint32_t count);
  void PrepareSend(uint32_t index, const uint8_t* data, size_t length, uint32_t destination);
  uint32_t SendPrepared(uint32_t count);
  void Release();
  void OnReadable(int status) override;
  int Receive();
  void DrainErrors();
  static void OnEnvCleanup(void* arg);

  Napi::Value Info(const Napi::CallbackInfo& info);
  Napi::Value Buffers(const Napi::CallbackInfo& info);
  void Start(const Napi::CallbackInfo& info);
  void Stop(const Napi::CallbackInfo& info);
  Napi::Value SendList(const Napi::CallbackInfo& info);
  Napi::Value SendPacked(const Napi::CallbackInfo& info);
  Napi::Value Stats(const Napi::CallbackInfo& info);
  void Close(const Napi::CallbackInfo& info);

  int fd_ = -1;
  int protocol_ = 0;
  bool hooked_ = false;
  uint32_t slot_bytes_ = 0;
  BatchArrays arrays_;
  std::vector<struct mmsghdr> recv_msgs_;
  std::vector<struct iovec> recv_iov_;
  std::vector<struct mmsghdr> send_msgs_;
  std::vector<struct iovec> send_iov_;
  std::vector<struct sockaddr_in> send_addrs_;
  struct {
    double received = 0, received_bytes = 0, sent = 0, sent_bytes = 0, send_drops = 0;
    double send_errors = 0, receive_errors = 0, icmp_errors = 0, truncated = 0;
  } stats_;
};

}  // namespace sy
