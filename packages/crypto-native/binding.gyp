{
  "targets": [
    {
      "target_name": "crypto_native",
      "sources": ["native/addon.cc", "native/mppe.c", "native/sha1.c"],
      "dependencies": ["<!(node -p \"require('node-addon-api').targets\"):node_addon_api_except"],
      "defines": ["NAPI_VERSION=8"],
      "cflags": ["-O3", "-Wall", "-Wextra"],
      "cflags_c": ["-std=c11"],
      "cflags_cc": ["-std=c++17", "-O3", "-Wall", "-Wextra"]
    }
  ]
}
