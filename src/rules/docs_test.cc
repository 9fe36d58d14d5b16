// docs/rules/ must be what the registry generates (run `make docs` after changing a rule).
#include "rules/docs.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "rules/registry.h"

namespace shipshape {
namespace {

std::string Read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(RuleDocs, CommittedPagesMatchTheRegistry) {
  const std::filesystem::path dir = std::filesystem::path(SHIPSHAPE_SOURCE_DIR) / "docs" / "rules";
  EXPECT_EQ(Read(dir / "README.md"), RuleIndexPage()) << "run `make docs`";
  for (const Rule* r : AllRules())
    EXPECT_EQ(Read(dir / (std::string(r->code) + ".md")), RuleDocPage(*r))
        << r->code << ": run `make docs`";
}

}  // namespace
}  // namespace shipshape
