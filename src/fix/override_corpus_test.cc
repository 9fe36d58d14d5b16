// BuildComposeOverride over the shared Compose corpus (real files: anchors, merge keys, flow style,
// comments, CRLF): for every file, fix it at the unsafe level with the registered rules, build the
// override, and check that
//  - the override is clean YAML, and empty when the fixes changed nothing;
//  - loading original + override as `docker compose -f a -f b` does gives every service exactly
//    the fixed file's definition (when the project loader is linked in).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "fix/override.h"
#include "compose/compose.h"
#include "fix/fixer.h"
#include "lint/linter.h"
#include "yaml/yaml.h"

namespace shipshape {
namespace {

/// Mapping keys sorted, tags dropped, scalars by value.
std::string Canonical(const yaml::Node* n, int depth = 0) {
  if (!n || depth > 200) return "~";
  switch (n->kind) {
    case yaml::Kind::kScalar:
      return n->style == yaml::ScalarStyle::kPlain && n->IsNull() ? "~" : "'" + n->value + "'";
    case yaml::Kind::kSequence: {
      std::string s = "[";
      for (const yaml::Item& it : n->items) s += Canonical(it.node, depth + 1) + ",";
      return s + "]";
    }
    case yaml::Kind::kMapping: {
      std::map<std::string, std::string> sorted;
      for (const yaml::Entry& e : n->entries) sorted[e.key->value] = Canonical(e.value, depth + 1);
      std::string s = "{";
      for (const auto& [k, v] : sorted) s += k + ":" + v + ",";
      return s + "}";
    }
  }
  return "?";
}

TEST(ComposeOverrideCorpus, MergesToTheFixedFile) {
  const std::filesystem::path dir =
      std::filesystem::path(SHIPSHAPE_SHARED_DIR) / "corpus" / "compose";
  ASSERT_TRUE(std::filesystem::exists(dir)) << "no corpus at " << dir;
  Config config;
  LintOptions lopts;
  lopts.config = &config;
  size_t files = 0, changed = 0, compared = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    SourceFile src;
    src.path = "compose.yaml";
    src.kind = FileKind::kCompose;
    src.text = ss.str();
    SCOPED_TRACE(entry.path().filename().string());
    ++files;
    const FixOutcome out = FixToFixpoint(src, lopts, Applicability::kUnsafe);
    if (out.unparsable) continue;
    std::string override_text, err;
    if (!BuildComposeOverride(src.text, out.text, {}, &override_text, &err)) {
      // Only files that were never a usable mapping (the fixer leaves those alone) may fail.
      EXPECT_EQ(out.text, src.text) << err;
      continue;
    }
    if (out.text == src.text) {
      EXPECT_EQ(override_text, "");
      continue;
    }
    ++changed;
    if (override_text.empty()) continue;  // e.g. only `version:` was removed
    EXPECT_TRUE(yaml::Parse(override_text)->ok()) << override_text;
    MemoryFileSystem fs;
    fs.Add("/p/compose.yaml", src.text);
    fs.Add("/p/compose.prod.yaml", override_text);
    fs.Add("/q/compose.yaml", out.text);
    compose::ProjectOptions merged_opts, fixed_opts;
    merged_opts.files = {"/p/compose.yaml", "/p/compose.prod.yaml"};
    fixed_opts.files = {"/q/compose.yaml"};
    // No interpolation variables: both sides see the same unset ones.
    auto merged = compose::LoadComposeProject(fs, merged_opts);
    auto fixed = compose::LoadComposeProject(fs, fixed_opts);
    ASSERT_TRUE(merged.ok() && fixed.ok());
    for (const compose::Service& want : (*fixed)->services) {
      const compose::Service* got = (*merged)->FindService(want.name);
      ASSERT_NE(got, nullptr) << want.name;
      EXPECT_EQ(Canonical(got->node), Canonical(want.node)) << want.name << "\n" << override_text;
    }
    ++compared;
  }
  std::printf("override corpus: %zu files, %zu changed by fixes, %zu merges compared\n", files,
              changed, compared);
}

}  // namespace
}  // namespace shipshape
