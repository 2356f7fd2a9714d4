// TUN device binding: create/attach, configure via ioctls, batched non-blocking reads and writes.
#pragma once

#include <net/if.h>
#include <napi.h>

#include <string>

#include "common.h"
#include "reactor.h"

namespace sy {

class Tun : public Napi::ObjectWrap<Tun>, public Reactor {
 public:
  static Napi::Function Init(Napi::Env env);
  explicit Tun(const Napi::CallbackInfo& info);
  ~Tun() override;

 private:
  void Open(Napi::Env env, const std::string& name, const std::string& netns, bool exclusive);
  struct ifreq Request() const;
  void Ioctl(Napi::Env env, unsigned long request, struct ifreq* ifr, const char* syscall);
  void CheckOpen(Napi::Env env) const;
  bool WriteOne(const uint8_t* data, size_t length);
  void Release();
  void OnReadable(int status) override;
  static void OnEnvCleanup(void* arg);

  Napi::Value Info(const Napi::CallbackInfo& info);
  Napi::Value Buffers(const Napi::CallbackInfo& info);
  void SetMtu(const Napi::CallbackInfo& info);
  void SetTxQueueLength(const Napi::CallbackInfo& info);
  void SetAddress(const Napi::CallbackInfo& info);
  void SetUp(const Napi::CallbackInfo& info);
  void Start(const Napi::CallbackInfo& info);
  void Stop(const Napi::CallbackInfo& info);
  Napi::Value Write(const Napi::CallbackInfo& info);
  Napi::Value WriteList(const Napi::CallbackInfo& info);
  Napi::Value WritePacked(const Napi::CallbackInfo& info);
  Napi::Value Stats(const Napi::CallbackInfo& info);
  void Close(const Napi::CallbackInfo& info);

  int fd_ = -1;
  int ctl_ = -1;
  bool hooked_ = false;
  std::string name_;
  int ifindex_ = 0;
  BatchArrays arrays_;
  struct {
    double read = 0, read_bytes = 0, written = 0, written_bytes = 0;
    double write_drops = 0, write_errors = 0, read_errors = 0;
  } stats_;
};

}  // namespace sy
