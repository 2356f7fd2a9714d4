{
  "targets": [
    {
      "target_name": "node_tun",
      "sources": [
        "native/addon.cc",
        "native/common.cc",
        "native/reactor.cc",
        "native/tun.cc",
        "native/tun_config.cc",
        "native/raw_socket.cc",
        "native/raw_socket_send.cc",
        "native/net_route.cc",
        "native/net_config.cc"
      ],
      "dependencies": ["<!(node -p \"require('node-addon-api').targets\"):node_addon_api_except"],
      "defines": ["NAPI_VERSION=8"],
      "cflags_cc": ["-std=c++17", "-O2", "-Wall", "-Wextra"]
    }
  ]
}
