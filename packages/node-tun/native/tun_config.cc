// TUN device configuration with the ioctls ifconfig and pppd use (SIOCSIFMTU, SIOCSIFTXQLEN,
// SIOCSIFADDR, SIOCSIFDSTADDR, SIOCSIFNETMASK, SIOCSIFFLAGS), issued on a control socket in the
// device's netns.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/ioctl.h>

#include <cerrno>
#include <cstring>

#include "tun.h"

namespace sy {

namespace {

const char* ConfigErrorCode(int err) {
  return (err == EPERM || err == EACCES) ? "SY_ERR_TUN_PERMISSION" : "SY_ERR_TUN_CONFIG";
}

void SetSockaddr(struct sockaddr* sa, uint32_t host_order) {
  auto* sin = reinterpret_cast<struct sockaddr_in*>(sa);
  std::memset(sin, 0, sizeof(*sin));
  sin->sin_family = AF_INET;
  sin->sin_addr.s_addr = htonl(host_order);
}

}  // namespace

struct ifreq Tun::Request() const {
  struct ifreq ifr {};
  std::memcpy(ifr.ifr_name, name_.c_str(), name_.size());
  return ifr;
}

void Tun::Ioctl(Napi::Env env, unsigned long request, struct ifreq* ifr, const char* syscall) {
  if (ctl_ < 0) throw PlainError(env, "SY_ERR_CLOSED", "TUN device is closed");
  if (ioctl(ctl_, request, ifr) != 0) {
    throw SysError(env, ConfigErrorCode(errno), "cannot configure TUN device '" + name_ + "'", syscall, errno);
  }
}

Napi::Value Tun::Info(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  struct ifreq ifr = Request();
  Ioctl(env, SIOCGIFMTU, &ifr, "ioctl(SIOCGIFMTU)");
  auto result = Napi::Object::New(env);
  result.Set("name", name_);
  result.Set("ifindex", ifindex_);
  result.Set("mtu", ifr.ifr_mtu);
  return result;
}

void Tun::SetMtu(const Napi::CallbackInfo& info) {
  struct ifreq ifr = Request();
  ifr.ifr_mtu = info[0].As<Napi::Number>().Int32Value();
  Ioctl(info.Env(), SIOCSIFMTU, &ifr, "ioctl(SIOCSIFMTU)");
}

// The kernel's queue of packets routed to the device that we have not read yet (txqueuelen; the tun
// driver starts it at 500). It is what absorbs a pause of the reader.
void Tun::SetTxQueueLength(const Napi::CallbackInfo& info) {
  struct ifreq ifr = Request();
  ifr.ifr_qlen = info[0].As<Napi::Number>().Int32Value();
  Ioctl(info.Env(), SIOCSIFTXQLEN, &ifr, "ioctl(SIOCSIFTXQLEN)");
}

// setAddress(address, peer (or -1), prefixLength): the order pppd's sifaddr() uses.
void Tun::SetAddress(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  uint32_t address = info[0].As<Napi::Number>().Uint32Value();
  int64_t peer = info[1].As<Napi::Number>().Int64Value();
  uint32_t prefix = info[2].As<Napi::Number>().Uint32Value();
  struct ifreq ifr = Request();
  SetSockaddr(&ifr.ifr_addr, address);
  Ioctl(env, SIOCSIFADDR, &ifr, "ioctl(SIOCSIFADDR)");
  if (peer >= 0) {
    ifr = Request();
    SetSockaddr(&ifr.ifr_dstaddr, static_cast<uint32_t>(peer));
    Ioctl(env, SIOCSIFDSTADDR, &ifr, "ioctl(SIOCSIFDSTADDR)");
  }
  ifr = Request();
  SetSockaddr(&ifr.ifr_netmask, prefix == 0 ? 0 : ~uint32_t{0} << (32 - prefix));
  Ioctl(env, SIOCSIFNETMASK, &ifr, "ioctl(SIOCSIFNETMASK)");
}

void Tun::SetUp(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  struct ifreq ifr = Request();
  Ioctl(env, SIOCGIFFLAGS, &ifr, "ioctl(SIOCGIFFLAGS)");
  if (info[0].As<Napi::Boolean>().Value()) {
    ifr.ifr_flags |= IFF_UP;
  } else {
    ifr.ifr_flags &= ~IFF_UP;
  }
  Ioctl(env, SIOCSIFFLAGS, &ifr, "ioctl(SIOCSIFFLAGS)");
}

}  // namespace sy
