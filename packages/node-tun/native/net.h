// Host networking configuration the VPN plugins need beside the TUN device: IPv4 host routes
// (rtnetlink), published ARP entries (SIOCSARP, as pppd's sifproxyarp), the IPv4 interface list
// (getifaddrs) and sysctls. Every function takes a netns path first ('' = the process's own).
#pragma once

#include <napi.h>

namespace sy {

// { addRoute, deleteRoute } from net_route.cc.
void InitRoutes(Napi::Env env, Napi::Object target);
// { addProxyArp, deleteProxyArp, listInterfaces, readSysctl, writeSysctl } from net_config.cc.
void InitNetConfig(Napi::Env env, Napi::Object target);

}  // namespace sy
