// Entry point of the crypto_native addon: MPPE key schedule and RC4 over a state buffer the caller
// owns (see mppe.h). Every call works in place on the caller's Uint8Arrays and allocates nothing; every
// length, offset and count is checked here, so no argument, however wrong, reads or writes out of bounds.
#include <napi.h>

#include <cmath>
#include <string>

#include "mppe.h"
#include "sha1.h"

namespace {

// A Uint8Array's bytes, read with one napi_get_typedarray_info call. node-addon-api's IsTypedArray and
// Uint8Array made three per argument: a call into this addon measured ≈130 ns with them, ≈60 ns without.
struct Bytes {
  uint8_t* data;
  size_t length;

  Bytes(const Napi::CallbackInfo& info, size_t index, const char* name) {
    napi_typedarray_type type;
    void* raw = nullptr;
    napi_status status =
        napi_get_typedarray_info(info.Env(), info[index], &type, &length, &raw, nullptr, nullptr);
    if (status != napi_ok || type != napi_uint8_array) {
      throw Napi::TypeError::New(info.Env(), std::string(name) + " must be a Uint8Array");
    }
    data = static_cast<uint8_t*>(raw);
  }
  size_t ByteLength() const { return length; }
  uint8_t* Data() const { return data; }
};

// The RC4 table is 32-bit words. An array the wrapper allocates is aligned; a view into someone else's
// buffer at an odd offset is refused rather than read misaligned.
sy_mppe_state* Aligned(const Napi::CallbackInfo& info, const Bytes& bytes) {
  if (reinterpret_cast<uintptr_t>(bytes.Data()) % alignof(sy_mppe_state) != 0) {
    throw Napi::RangeError::New(info.Env(), "MPPE state must be " + std::to_string(alignof(sy_mppe_state)) +
                                                "-byte aligned");
  }
  return reinterpret_cast<sy_mppe_state*>(bytes.Data());
}

// A state is full (both RC4 tables) or compact (the live one only, see mppe.h): 1 for compact. A
// header-only state (no table yet) is accepted by init alone, when `header_ok`; 2 for it.
int Compact(const Napi::CallbackInfo& info, const Bytes& bytes, bool header_ok = false) {
  if (bytes.ByteLength() == SY_MPPE_STATE_BYTES) return 0;
  if (bytes.ByteLength() == SY_MPPE_COMPACT_STATE_BYTES) return 1;
  if (header_ok && bytes.ByteLength() == SY_MPPE_HEADER_BYTES) return 2;
  throw Napi::RangeError::New(info.Env(), "MPPE state must be " + std::to_string(SY_MPPE_STATE_BYTES) + " or " +
                                              std::to_string(SY_MPPE_COMPACT_STATE_BYTES) + " bytes" +
                                              (header_ok ? " (or " + std::to_string(SY_MPPE_HEADER_BYTES) +
                                                               " before its first data)"
                                                         : ""));
}

struct State {
  sy_mppe_state* state;
  int compact;

  explicit State(const Napi::CallbackInfo& info) {
    Bytes bytes(info, 0, "MPPE state");
    compact = Compact(info, bytes);
    state = Aligned(info, bytes);
    if (!sy_mppe_state_valid(state, compact)) throw Napi::Error::New(info.Env(), "MPPE state used before init");
    sy_mppe_prepare_table(state);  // keyed lazily: init leaves it stale (mppe.h)
  }
};

/** A non-negative integer no larger than `max`; `fallback` when the argument is undefined. */
uint64_t Count(const Napi::CallbackInfo& info, size_t index, const char* name, uint64_t max, uint64_t fallback) {
  Napi::Value value = info[index];
  napi_valuetype type = value.Type();
  if (type == napi_undefined) return fallback;
  if (type != napi_number) throw Napi::TypeError::New(info.Env(), std::string(name) + " must be a number");
  double number = value.As<Napi::Number>().DoubleValue();
  if (!(number >= 0) || number != std::floor(number) || number > static_cast<double>(max)) {
    throw Napi::RangeError::New(info.Env(), std::string(name) + " must be an integer from 0 to " +
                                                std::to_string(max) + ", got " + value.ToString().Utf8Value());
  }
  return static_cast<uint64_t>(number);
}

// init(state, startKey, strength)
void Init(const Napi::CallbackInfo& info) {
  Bytes bytes(info, 0, "MPPE state");
  Compact(info, bytes, true);
  Bytes start(info, 1, "MPPE start key");
  uint64_t strength = Count(info, 2, "MPPE strength", 128, 0);
  if (!sy_mppe_strength_valid(static_cast<unsigned>(strength))) {
    throw Napi::RangeError::New(info.Env(), "MPPE strength must be 40, 56 or 128, got " + std::to_string(strength));
  }
  unsigned key_length = sy_mppe_key_length(static_cast<unsigned>(strength));
  if (start.ByteLength() < key_length) {
    throw Napi::RangeError::New(info.Env(), "MPPE start key must be at least " + std::to_string(key_length) +
                                                " bytes, got " + std::to_string(start.ByteLength()));
  }
  sy_mppe_init(Aligned(info, bytes), start.Data(), static_cast<unsigned>(strength));
}

// rekey(state, times)
void Rekey(const Napi::CallbackInfo& info) {
  sy_mppe_state* state = State(info).state;
  sy_mppe_rekey(state, static_cast<uint32_t>(Count(info, 1, "rekey count", UINT32_MAX, 1)));
}

// resetCipher(state)
void ResetCipher(const Napi::CallbackInfo& info) { sy_mppe_reset_cipher(State(info).state); }

// update(state, input, output): output.length >= input.length; output may be input.
void Update(const Napi::CallbackInfo& info) {
  sy_mppe_state* state = State(info).state;
  Bytes input(info, 1, "RC4 input");
  Bytes output(info, 2, "RC4 output");
  size_t length = input.ByteLength();
  if (output.ByteLength() < length) {
    throw Napi::RangeError::New(info.Env(), "RC4 output (" + std::to_string(output.ByteLength()) +
                                                " bytes) is shorter than the input (" + std::to_string(length) + ")");
  }
  sy_mppe_crypt(state, input.Data(), output.Data(), length);
}

// rekeyAndUpdate(state, data, offset, length, times, output?): `times` key changes, then RC4 over
// data[offset, offset + length): in place, or into output[0, length) with data left as it was. One call
// per stateless packet instead of two; the output form spares a receiver the copy of its ciphertext it
// would otherwise decrypt in place (the caller's frame may still be held by a reorder buffer or a tap).
void RekeyAndUpdate(const Napi::CallbackInfo& info) {
  State state(info);
  Bytes data(info, 1, "MPPE data");
  size_t size = data.ByteLength();
  uint64_t offset = Count(info, 2, "offset", size, 0);
  uint64_t length = Count(info, 3, "length", size - offset, size - offset);
  uint64_t times = Count(info, 4, "rekey count", UINT32_MAX, 1);
  uint8_t* in = data.Data() + offset;
  uint8_t* out = in;
  if (!info[5].IsUndefined()) {
    Bytes output(info, 5, "MPPE output");
    if (output.ByteLength() < length) {
      throw Napi::RangeError::New(info.Env(), "MPPE output (" + std::to_string(output.ByteLength()) +
                                                  " bytes) is shorter than the range (" + std::to_string(length) +
                                                  ")");
    }
    out = output.Data();
  }
  sy_mppe_rekey_and_crypt(state.state, state.compact, static_cast<uint32_t>(times), in, out, length);
}

Napi::Value Sha1UsesCpuExtensions(const Napi::CallbackInfo& info) {
  return Napi::Boolean::New(info.Env(), sy_sha1_uses_cpu_extensions() != 0);
}

// usePortableSha1(portable): tests check the portable SHA-1 on machines that have SHA extensions.
Napi::Value UsePortableSha1(const Napi::CallbackInfo& info) {
  if (!info[0].IsBoolean()) throw Napi::TypeError::New(info.Env(), "usePortableSha1 takes a boolean");
  sy_sha1_force_portable(info[0].As<Napi::Boolean>().Value() ? 1 : 0);
  return Sha1UsesCpuExtensions(info);
}

Napi::Object Module(Napi::Env env, Napi::Object exports) {
  exports.Set("stateBytes", Napi::Number::New(env, SY_MPPE_STATE_BYTES));
  exports.Set("compactStateBytes", Napi::Number::New(env, SY_MPPE_COMPACT_STATE_BYTES));
  exports.Set("headerStateBytes", Napi::Number::New(env, SY_MPPE_HEADER_BYTES));
  exports.Set("sessionKeyOffset", Napi::Number::New(env, SY_MPPE_SESSION_KEY_OFFSET(0)));
  exports.Set("keyLengthOffset", Napi::Number::New(env, SY_MPPE_KEY_LENGTH_OFFSET));
  exports.Set("sha1UsesCpuExtensions", Napi::Function::New(env, Sha1UsesCpuExtensions, "sha1UsesCpuExtensions"));
  exports.Set("usePortableSha1", Napi::Function::New(env, UsePortableSha1, "usePortableSha1"));
  exports.Set("init", Napi::Function::New(env, Init, "init"));
  exports.Set("rekey", Napi::Function::New(env, Rekey, "rekey"));
  exports.Set("resetCipher", Napi::Function::New(env, ResetCipher, "resetCipher"));
  exports.Set("update", Napi::Function::New(env, Update, "update"));
  exports.Set("rekeyAndUpdate", Napi::Function::New(env, RekeyAndUpdate, "rekeyAndUpdate"));
  return exports;
}

}  // namespace

NODE_API_MODULE(crypto_native, Module)
