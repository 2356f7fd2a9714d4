// Proxy ARP entries made the way pppd's sifproxyarp/cifproxyarp make them (sys-linux.c: SIOCSARP and
// SIOCDARP with ATF_PUBL, the LAN interface named in arp_dev and its SIOCGIFHWADDR address in arp_ha),
// the IPv4 address list pppd's get_ether_addr scans, and /proc/sys files. Each call enters the
// requested network namespace only while it creates its socket or opens its file.
#include <arpa/inet.h>
#include <fcntl.h>
#include <ifaddrs.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>

#include "common.h"
#include "net.h"

namespace sy {

namespace {

// A datagram socket for interface and ARP ioctls; both act on the namespace the socket lives in.
int ControlSocket(Napi::Env env, const std::string& netns) {
  int fd;
  int err = 0;
  {
    NetnsGuard guard(env, netns);
    fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) err = errno;
  }
  if (fd < 0) throw SysError(env, "SY_ERR_IO", "cannot create a control socket", "socket", err);
  return fd;
}

std::string DeviceArg(const Napi::Value& value) {
  std::string device = value.As<Napi::String>().Utf8Value();
  if (device.empty() || device.size() >= IFNAMSIZ) {
    throw PlainError(value.Env(), "SY_ERR_INVALID_ARGUMENT", "'" + device + "' is not an interface name");
  }
  return device;
}

const char* ArpErrorCode(int err) {
  if (err == EPERM || err == EACCES) return "SY_ERR_NET_PERMISSION";
  if (err == ENODEV) return "SY_ERR_NET_NO_DEVICE";
  if (err == ENOENT || err == ENXIO) return "SY_ERR_ARP_NOT_FOUND";
  return "SY_ERR_ARP";
}

void SetInet(struct sockaddr* sa, uint32_t host_order) {
  auto* sin = reinterpret_cast<struct sockaddr_in*>(sa);
  sin->sin_family = AF_INET;
  sin->sin_addr.s_addr = htonl(host_order);
}

// proxyArp(netns, address, device, add)
void ProxyArp(const Napi::CallbackInfo& info, bool add) {
  Napi::Env env = info.Env();
  std::string netns = info[0].As<Napi::String>().Utf8Value();
  uint32_t address = info[1].As<Napi::Number>().Uint32Value();
  std::string device = DeviceArg(info[2]);
  int fd = ControlSocket(env, netns);
  struct arpreq req {};
  SetInet(&req.arp_pa, address);
  std::strncpy(req.arp_dev, device.c_str(), sizeof(req.arp_dev) - 1);
  // ATF_PUBL without ATF_NETMASK makes the kernel use a /32 mask, which means "add a proxy neighbour
  // entry" (arp.c arp_req_set_public → pneigh_lookup(create)), not "enable proxy_arp on the device".
  req.arp_flags = ATF_PERM | ATF_PUBL;
  const char* syscall = add ? "ioctl(SIOCSARP)" : "ioctl(SIOCDARP)";
  int rc = 0;
  if (add) {
    struct ifreq ifr {};
    std::strncpy(ifr.ifr_name, device.c_str(), IFNAMSIZ - 1);
    rc = ioctl(fd, SIOCGIFHWADDR, &ifr);
    if (rc != 0) syscall = "ioctl(SIOCGIFHWADDR)";
    // ATF_COM: the address is complete, and the kernel checks its type matches the device's.
    std::memcpy(&req.arp_ha, &ifr.ifr_hwaddr, sizeof(req.arp_ha));
    req.arp_flags |= ATF_COM;
  }
  if (rc == 0) rc = ioctl(fd, add ? SIOCSARP : SIOCDARP, &req);
  int err = rc == 0 ? 0 : errno;
  close(fd);
  if (rc == 0) return;
  struct in_addr in {
    htonl(address)
  };
  std::string what = std::string(add ? "cannot add" : "cannot delete") + " the proxy ARP entry for " +
                     inet_ntoa(in) + " on " + device;
  throw SysError(env, ArpErrorCode(err), what, syscall, err);
}

std::string FormatHardware(const uint8_t* bytes, size_t length) {
  std::string text;
  char octet[4];
  for (size_t i = 0; i < length; i++) {
    std::snprintf(octet, sizeof(octet), i == 0 ? "%02x" : ":%02x", bytes[i]);
    text += octet;
  }
  return text;
}

uint32_t HostOrder(const struct sockaddr* sa) {
  if (sa == nullptr || sa->sa_family != AF_INET) return 0;
  return ntohl(reinterpret_cast<const struct sockaddr_in*>(sa)->sin_addr.s_addr);
}

// listInterfaces(netns): one entry per IPv4 address, in kernel order, with its device's flags and
// hardware address. getifaddrs names an address by its label, so an alias reads "eth0:1".
Napi::Value ListInterfaces(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::string netns = info[0].As<Napi::String>().Utf8Value();
  struct ifaddrs* list = nullptr;
  int err = 0;
  {
    NetnsGuard guard(env, netns);
    if (getifaddrs(&list) != 0) err = errno;
  }
  if (err != 0) throw SysError(env, "SY_ERR_IO", "cannot list network interfaces", "getifaddrs", err);
  struct Hardware {
    uint16_t type;
    std::string address;
  };
  std::map<std::string, Hardware> hardware;
  for (auto* ifa = list; ifa != nullptr; ifa = ifa->ifa_next) {
    if (ifa->ifa_addr == nullptr || ifa->ifa_addr->sa_family != AF_PACKET) continue;
    const auto* ll = reinterpret_cast<const struct sockaddr_ll*>(ifa->ifa_addr);
    hardware[ifa->ifa_name] = {ll->sll_hatype, FormatHardware(ll->sll_addr, ll->sll_halen)};
  }
  auto result = Napi::Array::New(env);
  uint32_t index = 0;
  for (auto* ifa = list; ifa != nullptr; ifa = ifa->ifa_next) {
    if (ifa->ifa_addr == nullptr || ifa->ifa_addr->sa_family != AF_INET) continue;
    std::string name = ifa->ifa_name;
    std::string device = name.substr(0, name.find(':'));
    auto entry = Napi::Object::New(env);
    entry.Set("name", name);
    entry.Set("device", device);
    entry.Set("address", HostOrder(ifa->ifa_addr));
    entry.Set("netmask", HostOrder(ifa->ifa_netmask));
    entry.Set("flags", ifa->ifa_flags);
    auto found = hardware.find(device);
    entry.Set("hardwareType", found == hardware.end() ? 0xffff : found->second.type);
    entry.Set("hardwareAddress", found == hardware.end() ? "" : found->second.address);
    result.Set(index++, entry);
  }
  freeifaddrs(list);
  return result;
}

// The /proc/sys file for `key` ("net/ipv4/ip_forward"). /proc/sys/net shows the namespace of the
// thread that opens it, so the open happens inside the guard.
int OpenSysctl(Napi::Env env, const std::string& netns, const std::string& key, int flags) {
  if (key.empty() || key[0] == '/' || key.find("..") != std::string::npos) {
    throw PlainError(env, "SY_ERR_INVALID_ARGUMENT", "'" + key + "' is not a sysctl key");
  }
  std::string path = "/proc/sys/" + key;
  int fd;
  int err = 0;
  {
    NetnsGuard guard(env, netns);
    fd = open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) err = errno;
  }
  if (fd < 0) {
    throw SysError(env, err == EACCES || err == EPERM ? "SY_ERR_NET_PERMISSION" : "SY_ERR_SYSCTL",
                   "cannot open " + path, "open", err);
  }
  return fd;
}

Napi::Value ReadSysctl(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::string key = info[1].As<Napi::String>().Utf8Value();
  int fd = OpenSysctl(env, info[0].As<Napi::String>().Utf8Value(), key, O_RDONLY);
  char buffer[4096];
  ssize_t n = read(fd, buffer, sizeof(buffer));
  int err = errno;
  close(fd);
  if (n < 0) throw SysError(env, "SY_ERR_SYSCTL", "cannot read /proc/sys/" + key, "read", err);
  return Napi::String::New(env, buffer, static_cast<size_t>(n));
}

void WriteSysctl(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::string key = info[1].As<Napi::String>().Utf8Value();
  std::string value = info[2].As<Napi::String>().Utf8Value();
  int fd = OpenSysctl(env, info[0].As<Napi::String>().Utf8Value(), key, O_WRONLY);
  ssize_t n = write(fd, value.data(), value.size());
  int err = errno;
  close(fd);
  if (n < 0) {
    throw SysError(env, err == EPERM || err == EACCES ? "SY_ERR_NET_PERMISSION" : "SY_ERR_SYSCTL",
                   "cannot write '" + value + "' to /proc/sys/" + key, "write", err);
  }
}

}  // namespace

void InitNetConfig(Napi::Env env, Napi::Object target) {
  target.Set("addProxyArp", Napi::Function::New(env, [](const Napi::CallbackInfo& info) { ProxyArp(info, true); }));
  target.Set("deleteProxyArp",
             Napi::Function::New(env, [](const Napi::CallbackInfo& info) { ProxyArp(info, false); }));
  target.Set("listInterfaces", Napi::Function::New(env, ListInterfaces));
  target.Set("readSysctl", Napi::Function::New(env, ReadSysctl));
  target.Set("writeSysctl", Napi::Function::New(env, WriteSysctl));
}

}  // namespace sy
