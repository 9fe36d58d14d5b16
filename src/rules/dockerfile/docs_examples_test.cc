// The `Example` block of every Dockerfile rule's docs triggers the rule and its `Use instead` block
// does not (STYLE.md, "Invariants checked for every rule").
#include <gtest/gtest.h>

#include <string>

#include "lint/linter.h"
#include "rules/registry.h"

namespace shipshape {
namespace {

// The first ```dockerfile block after `heading`, or empty.
std::string Block(std::string_view docs, std::string_view heading) {
  size_t h = docs.find(heading);
  if (h == std::string_view::npos) return {};
  size_t next = docs.find("\n## ", h + heading.size());
  size_t b = docs.find("```dockerfile\n", h);
  if (b == std::string_view::npos || (next != std::string_view::npos && b > next)) return {};
  b += 14;
  size_t e = docs.find("```", b);
  return e == std::string_view::npos ? std::string() : std::string(docs.substr(b, e - b));
}

TEST(DockerfileRuleDocs, ExampleTriggersAndUseInsteadDoesNot) {
  Config config;
  config.preview = true;
  for (const Rule* r : AllRules()) {
    if (r->target != Target::kDockerfile || r->code == "DF000") continue;
    const std::string bad = Block(r->docs, "## Example");
    const std::string good = Block(r->docs, "## Use instead");
    LintOptions opts;
    opts.config = &config;
    opts.only = r;
    auto count = [&](std::string text, bool add_stage = false) {
      // Snippets that show only the relevant instructions may need a base stage, placed after
      // any leading parser directives or comments.
      if (add_stage && text.find("FROM ") == std::string::npos) {
        size_t at = 0;
        while (at < text.size() && text[at] == '#') {
          const size_t nl = text.find('\n', at);
          at = nl == std::string::npos ? text.size() : nl + 1;
        }
        text.insert(at, "FROM debian:12\n");
      }
      SourceFile f;
      f.path = "Dockerfile";
      f.kind = FileKind::kDockerfile;
      f.text = text;
      size_t n = 0;
      for (const Diagnostic& d : LintFile(f, opts)) n += d.rule == r;
      return n;
    };
    // Rules driven by configuration or by files beside the Dockerfile cannot show it inline.
    const bool needs_context = r->code == "DF004" || r->code == "DF107" || r->code == "DF114" || r->code == "DF123" ||
                               r->code == "DF113" || r->code == "DF099";
    if (!bad.empty() && !needs_context) {
      EXPECT_GT(count(bad) + count(bad, true), 0u) << r->code << " Example:\n" << bad;
    }
    if (!good.empty()) {
      EXPECT_EQ(count(good), 0u) << r->code << " Use instead:\n" << good;
    }
  }
}

}  // namespace
}  // namespace shipshape
