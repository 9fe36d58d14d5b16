// .env parser on arbitrary bytes.
#include <cstdint>
#include <string>

#include "envfile/envfile.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  auto env = shipshape::envfile::Parse(text, {});
  for (const auto& e : env.entries)
    if (e.key_range.end > text.size()) __builtin_trap();
  return 0;
}
