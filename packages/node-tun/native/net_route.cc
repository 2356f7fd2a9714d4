// IPv4 routes over rtnetlink (RTM_NEWROUTE/RTM_DELROUTE): the request `ip route add A/N dev D mtu M`
// sends. Not SIOCADDRT: its RTF_MTU flag sets the route's advmss to rt_mtu - 40 (fib_frontend.c
// rtentry_to_fib_config), and no routing ioctl reaches RTAX_MTU, the per-session MTU a route must carry.
// Netlink also names the failure: the kernel's extended ack text goes into the error message.
#include <arpa/inet.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "common.h"
#include "net.h"

namespace sy {

namespace {

struct Request {
  struct nlmsghdr header;
  struct rtmsg route;
  // RTA_DST + RTA_OIF + RTA_METRICS{RTAX_MTU}: 28 bytes; the rest is slack.
  alignas(NLMSG_ALIGNTO) uint8_t attributes[128];
};

struct rtattr* AddAttribute(Request* req, uint16_t type, const void* data, size_t length) {
  size_t offset = NLMSG_ALIGN(req->header.nlmsg_len);
  auto* attr = reinterpret_cast<struct rtattr*>(reinterpret_cast<uint8_t*>(req) + offset);
  attr->rta_type = type;
  attr->rta_len = static_cast<unsigned short>(RTA_LENGTH(length));
  if (length > 0) std::memcpy(RTA_DATA(attr), data, length);
  req->header.nlmsg_len = static_cast<uint32_t>(offset + RTA_ALIGN(attr->rta_len));
  return attr;
}

// The NLMSGERR_ATTR_MSG string of an extended ack, or "" (libmnl's layout: TLVs follow the nlmsgerr,
// after the echoed request unless the kernel capped it).
std::string ExtAckMessage(const struct nlmsghdr* nh, const struct nlmsgerr* err) {
  if ((nh->nlmsg_flags & NLM_F_ACK_TLVS) == 0) return "";
  size_t skip = sizeof(*err);
  if ((nh->nlmsg_flags & NLM_F_CAPPED) == 0) skip += err->msg.nlmsg_len - NLMSG_HDRLEN;
  const auto* begin = reinterpret_cast<const uint8_t*>(err) + NLMSG_ALIGN(skip);
  const auto* end = reinterpret_cast<const uint8_t*>(nh) + nh->nlmsg_len;
  while (begin + sizeof(struct nlattr) <= end) {
    const auto* attr = reinterpret_cast<const struct nlattr*>(begin);
    if (attr->nla_len < sizeof(*attr) || begin + attr->nla_len > end) break;
    if ((attr->nla_type & NLA_TYPE_MASK) == NLMSGERR_ATTR_MSG) {
      const char* text = reinterpret_cast<const char*>(begin + NLA_HDRLEN);
      return std::string(text, strnlen(text, attr->nla_len - NLA_HDRLEN));
    }
    begin += NLA_ALIGN(attr->nla_len);
  }
  return "";
}

// Sends one request on a fresh socket in `netns` and reads its ack: 0 or an errno. The kernel handles
// a route request inside sendto(), so the blocking recv() returns at once.
int Transact(Napi::Env env, const std::string& netns, Request* req, std::string* detail) {
  int fd;
  int err = 0;
  {
    NetnsGuard guard(env, netns);
    fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
    if (fd < 0) err = errno;
  }
  if (fd < 0) return err;
  int one = 1;
  setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
  setsockopt(fd, SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof(one));
  struct sockaddr_nl kernel {};
  kernel.nl_family = AF_NETLINK;
  req->header.nlmsg_seq = 1;
  if (sendto(fd, req, req->header.nlmsg_len, 0, reinterpret_cast<struct sockaddr*>(&kernel), sizeof(kernel)) < 0) {
    err = errno;
    close(fd);
    return err;
  }
  alignas(struct nlmsghdr) uint8_t buffer[4096];
  for (;;) {
    ssize_t n = recv(fd, buffer, sizeof(buffer), 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      err = errno;
      break;
    }
    int remaining = static_cast<int>(n);
    for (auto* nh = reinterpret_cast<struct nlmsghdr*>(buffer); NLMSG_OK(nh, remaining);
         nh = NLMSG_NEXT(nh, remaining)) {
      if (nh->nlmsg_type != NLMSG_ERROR || nh->nlmsg_seq != 1) continue;
      const auto* ack = static_cast<const struct nlmsgerr*>(NLMSG_DATA(nh));
      *detail = ExtAckMessage(nh, ack);
      close(fd);
      return -ack->error;
    }
  }
  close(fd);
  return err;
}

const char* RouteErrorCode(int err) {
  switch (err) {
    case EPERM:
    case EACCES:
      return "SY_ERR_NET_PERMISSION";
    case EEXIST:
      return "SY_ERR_ROUTE_EXISTS";
    case ESRCH:
      return "SY_ERR_ROUTE_NOT_FOUND";
    case ENODEV:
      return "SY_ERR_NET_NO_DEVICE";
    default:
      return "SY_ERR_ROUTE";
  }
}

std::string Dotted(uint32_t host_order) {
  struct in_addr address {
    htonl(host_order)
  };
  char text[INET_ADDRSTRLEN];
  inet_ntop(AF_INET, &address, text, sizeof(text));
  return text;
}

// route(netns, address, prefixLength, ifindex, mtu) with mtu 0 = none; add or delete by `add`.
void Route(const Napi::CallbackInfo& info, bool add) {
  Napi::Env env = info.Env();
  std::string netns = info[0].As<Napi::String>().Utf8Value();
  uint32_t address = info[1].As<Napi::Number>().Uint32Value();
  uint32_t prefix = info[2].As<Napi::Number>().Uint32Value();
  uint32_t ifindex = info[3].As<Napi::Number>().Uint32Value();
  uint32_t mtu = add ? info[4].As<Napi::Number>().Uint32Value() : 0;

  Request req {};
  req.header.nlmsg_len = NLMSG_LENGTH(sizeof(struct rtmsg));
  req.header.nlmsg_type = add ? RTM_NEWROUTE : RTM_DELROUTE;
  // EXCL: an address some other route already claims is an error, never silently shadowed.
  req.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | (add ? NLM_F_CREATE | NLM_F_EXCL : 0);
  req.route.rtm_family = AF_INET;
  req.route.rtm_dst_len = static_cast<unsigned char>(prefix);
  req.route.rtm_table = RT_TABLE_MAIN;
  // What iproute2 sends: proto boot, scope link (no gateway), unicast; a delete matches any scope.
  req.route.rtm_protocol = add ? RTPROT_BOOT : RTPROT_UNSPEC;
  req.route.rtm_scope = add ? RT_SCOPE_LINK : RT_SCOPE_NOWHERE;
  req.route.rtm_type = add ? RTN_UNICAST : RTN_UNSPEC;
  uint32_t destination = htonl(address);
  AddAttribute(&req, RTA_DST, &destination, sizeof(destination));
  AddAttribute(&req, RTA_OIF, &ifindex, sizeof(ifindex));
  if (mtu > 0) {
    struct rtattr* metrics = AddAttribute(&req, RTA_METRICS, nullptr, 0);
    AddAttribute(&req, RTAX_MTU, &mtu, sizeof(mtu));
    metrics->rta_len = static_cast<unsigned short>(reinterpret_cast<uint8_t*>(&req) + req.header.nlmsg_len -
                                                   reinterpret_cast<uint8_t*>(metrics));
  }

  std::string detail;
  int err = Transact(env, netns, &req, &detail);
  if (err == 0) return;
  std::string what = std::string(add ? "cannot add route " : "cannot delete route ") + Dotted(address) + "/" +
                     std::to_string(prefix) + " dev #" + std::to_string(ifindex) +
                     (mtu > 0 ? " mtu " + std::to_string(mtu) : "") + (detail.empty() ? "" : " (kernel: " + detail + ")");
  throw SysError(env, RouteErrorCode(err), what, add ? "netlink(RTM_NEWROUTE)" : "netlink(RTM_DELROUTE)", err);
}

}  // namespace

void InitRoutes(Napi::Env env, Napi::Object target) {
  target.Set("addRoute", Napi::Function::New(env, [](const Napi::CallbackInfo& info) { Route(info, true); }));
  target.Set("deleteRoute", Napi::Function::New(env, [](const Napi::CallbackInfo& info) { Route(info, false); }));
}

}  // namespace sy
