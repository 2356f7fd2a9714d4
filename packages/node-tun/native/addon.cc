// Entry point of the node_tun addon: the native classes behind TunDevice and RawIpSocket, and the
// `net` functions (routes, proxy ARP, interfaces, sysctls) behind net-config.ts.
#include <napi.h>

#include "net.h"
#include "raw_socket.h"
#include "tun.h"

namespace {

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("Tun", sy::Tun::Init(env));
  exports.Set("RawSocket", sy::RawSocket::Init(env));
  Napi::Object net = Napi::Object::New(env);
  sy::InitRoutes(env, net);
  sy::InitNetConfig(env, net);
  exports.Set("net", net);
  return exports;
}

}  // namespace

NODE_API_MODULE(node_tun, Init)
