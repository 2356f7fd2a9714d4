// Entry point of the node_tun addon: the native classes behind TunDevice and RawIpSocket.
#include <napi.h>

#include "raw_socket.h"
#include "tun.h"

namespace {

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("Tun", sy::Tun::Init(env));
  exports.Set("RawSocket", sy::RawSocket::Init(env));
  return exports;
}

}  // namespace

NODE_API_MODULE(node_tun, Init)
