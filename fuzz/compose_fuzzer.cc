// YAML tree + Compose model + schema + Compose rules on arbitrary bytes.
#include <cstdint>
#include <string>

#include "lint/linter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  shipshape::SourceFile f;
  f.path = "compose.yaml";
  f.kind = shipshape::FileKind::kCompose;
  f.text.assign(reinterpret_cast<const char*>(data), size);
  shipshape::Config config;
  config.preview = true;
  shipshape::LintOptions opts;
  opts.config = &config;
  for (const auto& d : shipshape::LintFile(f, opts))
    if (d.range.end > f.text.size() || d.range.start > d.range.end) __builtin_trap();
  return 0;
}
