// Dockerfile parser + every Dockerfile rule: no crash, no out-of-range span, dump stable.
#include <cstdint>
#include <string>

#include "dockerfile/dockerfile.h"
#include "lint/linter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  auto df = shipshape::dockerfile::Parse(text);
  for (const auto& ins : df->instructions)
    if (ins.range.end > text.size()) __builtin_trap();
  (void)shipshape::dockerfile::DumpBuildkit(*df);
  shipshape::SourceFile f;
  f.path = "Dockerfile";
  f.kind = shipshape::FileKind::kDockerfile;
  f.text = text;
  shipshape::Config config;
  config.preview = true;
  shipshape::LintOptions opts;
  opts.config = &config;
  for (const auto& d : shipshape::LintFile(f, opts))
    if (d.range.end > text.size() || d.range.start > d.range.end) __builtin_trap();
  return 0;
}
