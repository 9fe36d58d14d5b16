// Loads every compose file of the shared corpus: no crash, and most load and validate cleanly.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "compose/compose.h"
#include "compose/schema.h"

namespace shipshape::compose {
namespace {

TEST(ComposeCorpusTest, EveryFileLoads) {
  const std::filesystem::path dir = std::filesystem::path(SHIPSHAPE_SHARED_DIR) / "corpus" / "compose";
  ASSERT_TRUE(std::filesystem::exists(dir)) << "no corpus at " << dir;
  int files = 0, yaml_errors = 0, schema_bad = 0, schema_errors = 0, dups = 0, problems = 0;
  const bool verbose = std::getenv("SHIPSHAPE_CORPUS_VERBOSE") != nullptr;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    ++files;
    auto f = ParseComposeFile(text, entry.path().filename().string());
    if (!f->document->ok()) {
      ++yaml_errors;
      if (verbose) std::printf("YAML %s: %s\n", f->path.c_str(), f->document->errors()[0].message.c_str());
      continue;
    }
    dups += static_cast<int>(f->document->duplicate_keys().size());
    problems += static_cast<int>(f->problems.size());
    if (verbose)
      for (const Problem& p : f->problems) std::printf("MODEL %s: %s\n", f->path.c_str(), p.message.c_str());
    auto errs = ValidateSchema(f->root);
    if (!errs.empty()) {
      ++schema_bad;
      schema_errors += static_cast<int>(errs.size());
      if (verbose)
        for (const auto& e : errs) std::printf("SCHEMA %s: %s\n", f->path.c_str(), e.message.c_str());
    }
  }
  std::printf("corpus: %d files, %d YAML errors, %d with schema errors (%d errors), %d duplicate keys, %d model problems\n",
              files, yaml_errors, schema_bad, schema_errors, dups, problems);
  EXPECT_GT(files, 0);
  EXPECT_LE(yaml_errors * 10, files);
  EXPECT_LE(schema_bad * 5, files);
}

}  // namespace
}  // namespace shipshape::compose
