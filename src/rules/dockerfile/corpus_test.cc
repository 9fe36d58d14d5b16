// Every Dockerfile rule over the shared real-world corpus: no crash, ranges inside the file,
// fixes converge without breaking the parse. Prints per-rule finding counts for review.
#include <gtest/gtest.h>

#include <dirent.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/workspace.h"
#include "fix/fixer.h"
#include "lint/linter.h"
#include "rules/registry.h"

namespace shipshape {
namespace {

const std::string kCorpus = std::string(SHIPSHAPE_SHARED_DIR) + "/corpus";

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> ListDir(const std::string& dir) {
  std::vector<std::string> out;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      std::string n = e->d_name;
      if (n != "." && n != "..") out.push_back(n);
    }
    closedir(d);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
    s.replace(p, from.size(), to);
  return s;
}

// The corpus is flattened; MANIFEST.tsv gives each file's original repository path, and
// context/<owner>__<repo>__<dir>/ holds the .dockerignore files that sat beside them. Rebuild that
// layout in memory so workspace-aware rules see what they would have seen in the repository.
struct Corpus {
  struct Entry {
    std::string local;  // file name under dockerfiles/
    std::string path;   // repo/original/path
  };
  std::vector<Entry> dockerfiles;
  MemoryFileSystem fs;
};

Corpus LoadCorpus() {
  Corpus c;
  std::istringstream manifest(ReadAll(kCorpus + "/MANIFEST.tsv"));
  std::string line;
  std::map<std::string, std::string> local_to_path;
  while (std::getline(manifest, line)) {
    std::vector<std::string> cols;
    std::istringstream ls(line);
    std::string col;
    while (std::getline(ls, col, '\t')) cols.push_back(col);
    if (cols.size() < 5 || cols[0] != "dockerfile") continue;
    const std::string local = cols[1].substr(cols[1].find('/') + 1);
    local_to_path[local] = cols[2] + "/" + cols[4];
  }
  for (const std::string& name : ListDir(kCorpus + "/dockerfiles")) {
    auto it = local_to_path.find(name);
    c.dockerfiles.push_back({name, it != local_to_path.end() ? it->second : "unknown/" + name});
  }
  // context/<owner>__<repo>__<dir or ROOT>/<file>
  for (const std::string& dir : ListDir(kCorpus + "/context")) {
    size_t a = dir.find("__");
    size_t b = a == std::string::npos ? a : dir.find("__", a + 2);
    if (b == std::string::npos) continue;
    const std::string repo = dir.substr(0, a) + "/" + dir.substr(a + 2, b - a - 2);
    std::string sub = dir.substr(b + 2);
    sub = sub == "ROOT" ? "" : Replace(sub, "__", "/") + "/";
    for (const std::string& f : ListDir(kCorpus + "/context/" + dir))
      c.fs.Add(repo + "/" + sub + f, ReadAll(kCorpus + "/context/" + dir + "/" + f));
  }
  return c;
}

TEST(DockerfileCorpus, AllRulesAreSaneAndFixesConverge) {
  Corpus corpus = LoadCorpus();
  ASSERT_GT(corpus.dockerfiles.size(), 100u);
  Config config;
  config.preview = true;
  Workspace ws;
  ws.root = ".";
  ws.fs = &corpus.fs;
  LintOptions opts;
  opts.config = &config;
  opts.workspace = &ws;
  std::map<std::string, size_t> counts, fixable;
  // SHIPSHAPE_CORPUS_SHOW=DF008 prints every DF008 finding with its line, for review.
  const char* show_env = std::getenv("SHIPSHAPE_CORPUS_SHOW");
  const std::string show = show_env ? show_env : "";
  size_t files = 0, fixed_files = 0;
  for (const Corpus::Entry& e : corpus.dockerfiles) {
    SourceFile file;
    file.path = e.path;
    file.kind = FileKind::kDockerfile;
    file.text = ReadAll(kCorpus + "/dockerfiles/" + e.local);
    ++files;
    std::vector<Diagnostic> diags = LintFile(file, opts);
    const bool parse_error = HasParseError(diags);
    for (const Diagnostic& d : diags) {
      EXPECT_LE(d.range.start, d.range.end) << e.local << " " << d.rule->code;
      EXPECT_LE(d.range.end, file.text.size()) << e.local << " " << d.rule->code;
      for (TextRange r : d.redactions) EXPECT_LE(r.end, file.text.size()) << e.local;
      if (d.fix) {
        for (const Edit& ed : d.fix->edits) {
          EXPECT_LE(ed.range.end, file.text.size()) << e.local << " " << d.rule->code;
        }
      }
      ++counts[std::string(d.rule->code)];
      if (d.rule->fix == FixAvailability::kAlways) {
        EXPECT_TRUE(d.fix && d.fix->applicability != Applicability::kDisplayOnly &&
                    !d.fix->edits.empty())
            << e.local << " " << d.rule->code << " declares kAlways but has no applicable fix";
      }
      if (d.rule->fix == FixAvailability::kNone && d.fix) {
        EXPECT_EQ(d.fix->applicability, Applicability::kDisplayOnly) << e.local << " " << d.rule->code;
      }
      if (!show.empty() && show == d.rule->code) {
        const uint32_t line = file.lines().Locate(d.range.start).line;
        std::printf("%s:%u: %s\n    | %s\n", e.local.c_str(), line, d.message.c_str(),
                    std::string(file.lines().Line(line)).c_str());
        if (d.fix)
          for (const Edit& ed : d.fix->edits)
            std::printf("    fix(%s): [%s] -> [%s]\n",
                        std::string(ApplicabilityName(d.fix->applicability)).c_str(),
                        std::string(ed.range.Of(file.text)).c_str(), ed.text.c_str());
      }
      if (d.fix && d.fix->applicability != Applicability::kDisplayOnly && !d.fix->edits.empty())
        ++fixable[std::string(d.rule->code)];
    }
    if (parse_error) continue;
    FixOutcome out = FixToFixpoint(file, opts, Applicability::kUnsafe);
    EXPECT_TRUE(out.converged) << e.local;
    EXPECT_TRUE(out.rolled_back.empty()) << e.local << " fix broke the parse; rules: "
                                         << (out.rolled_back.empty() ? "" : out.rolled_back[0]);
    if (out.text != file.text) {
      ++fixed_files;
      SourceFile again = file;
      again.text = out.text;
      EXPECT_FALSE(HasParseError(LintFile(again, opts))) << e.local;
      FixOutcome twice = FixToFixpoint(again, opts, Applicability::kUnsafe);
      EXPECT_EQ(twice.text, out.text) << e.local << ": second fix run changed the file";
    }
  }
  std::printf("[corpus] %zu Dockerfiles, %zu changed by fixes\n", files, fixed_files);
  for (const auto& [code, n] : counts) {
    const Rule* r = FindRule(code);
    std::printf("[corpus] %-6s %-40s %5zu findings %5zu fixable\n", code.c_str(),
                r ? std::string(r->name).c_str() : "?", n, fixable[code]);
  }
}

}  // namespace
}  // namespace shipshape
