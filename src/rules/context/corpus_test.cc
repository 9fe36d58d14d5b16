// Lints every file of the shared context corpus (.dockerignore, .env*) with the context rules,
// each inside a workspace rebuilt from MANIFEST.tsv (its repository's compose files, Dockerfiles
// and context files at their original paths), so stack detection, COPY sources and the
// compose-variable check see real neighbours. Checks: no crash, valid ranges and redactions,
// fixes converge without breaking the file. Prints per-rule counts.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include "fix/fixer.h"
#include "lint/linter.h"
#include "rules/registry.h"

namespace shipshape {
namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct RepoTree {
  MemoryFileSystem fs;
  std::vector<std::unique_ptr<SourceFile>> files;
  Workspace ws;
};

TEST(ContextCorpusTest, EveryFileLints) {
  const fs::path corpus = fs::path(SHIPSHAPE_SHARED_DIR) / "corpus";
  ASSERT_TRUE(fs::exists(corpus / "context")) << "no corpus at " << corpus;

  // local_name -> (repo, original path), and one workspace per repository.
  std::map<std::string, std::pair<std::string, std::string>> manifest;
  std::map<std::string, std::unique_ptr<RepoTree>> repos;
  std::istringstream rows(ReadAll(corpus / "MANIFEST.tsv"));
  std::string row;
  while (std::getline(rows, row)) {
    std::vector<std::string> cols;
    std::stringstream cs(row);
    for (std::string c; std::getline(cs, c, '\t');) cols.push_back(c);
    if (cols.size() < 5 || cols[0] == "kind") continue;
    manifest[cols[1]] = {cols[2], cols[4]};
    auto& tree = repos[cols[2]];
    if (!tree) {
      tree = std::make_unique<RepoTree>();
      tree->ws.root = ".";
      tree->ws.fs = &tree->fs;
    }
    auto f = std::make_unique<SourceFile>();
    f->path = cols[4];
    f->text = ReadAll(corpus / cols[1]);
    f->kind = cols[0] == "dockerfile" ? FileKind::kDockerfile
              : cols[0] == "compose"  ? FileKind::kCompose
                                      : ClassifyPath(cols[4]);
    tree->fs.Add(f->path, f->text);
    tree->ws.files.push_back(f.get());
    tree->files.push_back(std::move(f));
  }

  Config config;
  config.preview = true;
  LintOptions opts;
  opts.config = &config;
  std::map<std::string, int> per_rule;
  int files = 0, in_workspace = 0, fixed_files = 0;
  const bool verbose = std::getenv("SHIPSHAPE_CORPUS_VERBOSE") != nullptr;
  for (const auto& dir : fs::directory_iterator(corpus / "context")) {
    if (!dir.is_directory()) continue;
    for (const auto& entry : fs::directory_iterator(dir.path())) {
      if (!entry.is_regular_file()) continue;
      const std::string local =
          "context/" + dir.path().filename().string() + "/" + entry.path().filename().string();
      SourceFile file;
      file.text = ReadAll(entry.path());
      auto it = manifest.find(local);
      if (it != manifest.end()) {
        file.path = it->second.second;
        opts.workspace = &repos[it->second.first]->ws;
        ++in_workspace;
      } else {
        file.path = local;
        opts.workspace = nullptr;
      }
      file.kind = ClassifyPath(file.path);
      ++files;
      const std::vector<Diagnostic> diags = LintFile(file, opts);
      for (const Diagnostic& d : diags) {
        ++per_rule[std::string(d.rule->code)];
        EXPECT_LE(d.range.start, d.range.end) << local << " " << d.rule->code;
        EXPECT_LE(d.range.end, file.text.size()) << local << " " << d.rule->code;
        for (TextRange r : d.redactions) {
          EXPECT_LE(r.end, file.text.size()) << local;
          if (!r.empty()) {
            EXPECT_EQ(d.message.find(r.Of(file.text)), std::string::npos) << local;
          }
        }
        if (d.fix) {
          for (const Edit& e : d.fix->edits) EXPECT_LE(e.range.end, file.text.size()) << local;
        }
        if (verbose)
          std::printf("%s: %s %s\n", local.c_str(), std::string(d.rule->code).c_str(),
                      d.message.c_str());
      }
      const FixOutcome out = FixToFixpoint(file, opts, Applicability::kUnsafe);
      EXPECT_TRUE(out.converged) << local;
      EXPECT_TRUE(out.rolled_back.empty()) << local;
      if (out.text != file.text) ++fixed_files;
      // .dockerignore fixes append lines or prefix `**/`: every original line survives.
      if (file.kind == FileKind::kDockerignore) {
        std::istringstream lines(file.text);
        for (std::string line; std::getline(lines, line);) {
          EXPECT_NE(out.text.find(line), std::string::npos) << local << ": lost `" << line << "`";
        }
      }
    }
  }
  std::printf("context corpus: %d files (%d in a rebuilt workspace), %d changed by fixes\n", files,
              in_workspace, fixed_files);
  for (const auto& [code, n] : per_rule) {
    const Rule* r = FindRule(code);
    std::printf("  %s %-36s %d\n", code.c_str(), r ? std::string(r->name).c_str() : "?", n);
  }
  EXPECT_GT(files, 0);
}

}  // namespace
}  // namespace shipshape
