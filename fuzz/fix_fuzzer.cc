// Fix application invariant: parse, fix to a fixpoint (unsafe), parse again. A file that parsed
// must still parse, and fixing the result again must change nothing.
#include <cstdint>
#include <string>

#include "fix/fixer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  shipshape::SourceFile f;
  f.kind = data[0] & 1 ? shipshape::FileKind::kCompose : shipshape::FileKind::kDockerfile;
  f.path = f.kind == shipshape::FileKind::kCompose ? "compose.yaml" : "Dockerfile";
  f.text.assign(reinterpret_cast<const char*>(data + 1), size - 1);
  shipshape::Config config;
  shipshape::LintOptions opts;
  opts.config = &config;
  auto first = shipshape::FixToFixpoint(f, opts, shipshape::Applicability::kUnsafe);
  if (first.unparsable || !first.converged) return 0;
  shipshape::SourceFile again = f;
  again.text = first.text;
  if (shipshape::HasParseError(shipshape::LintFile(again, opts))) __builtin_trap();
  auto second = shipshape::FixToFixpoint(again, opts, shipshape::Applicability::kUnsafe);
  if (second.text != first.text) __builtin_trap();
  return 0;
}
