// A Compose base file and its override are one project (what `docker compose` loads without
// `-f`): each is judged with the other in view, from the workspace (the disk, or the editor's
// buffers in `shipshape lsp`).
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "core/workspace.h"
#include "fix/fixer.h"
#include "lint/linter.h"
#include "rules/registry.h"

namespace shipshape {
namespace {

struct Project {
  MemoryFileSystem fs;
  Workspace ws;
  Config config;
  std::vector<std::unique_ptr<SourceFile>> files;

  Project() {
    ws.root = "app";
    ws.fs = &fs;
  }
  const SourceFile& Add(const std::string& path, const std::string& text) {
    fs.Add(path, text);
    auto f = std::make_unique<SourceFile>();
    f->path = path;
    f->text = text;
    f->kind = FileKind::kCompose;
    files.push_back(std::move(f));
    ws.files.push_back(files.back().get());
    return *files.back();
  }
  LintOptions Opts() const {
    LintOptions o;
    o.config = &config;
    o.workspace = &ws;
    return o;
  }
  /// "CODE@line" for every finding of `f` (1-based lines).
  std::vector<std::string> Findings(const SourceFile& f) const {
    std::vector<std::string> out;
    for (const Diagnostic& d : LintFile(f, Opts()))
      out.push_back(std::string(d.rule->code) + "@" + std::to_string(f.lines().Locate(d.range.start).line));
    return out;
  }
};

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

const char kBase[] =
    "services:\n"
    "  web:\n"                  // 2
    "    image: nginx:1.27\n"
    "  db:\n"                   // 4
    "    image: postgres:16.4\n"
    "volumes:\n"
    "  data: {}\n";             // 7
const char kOverride[] =
    "services:\n"
    "  web:\n"                         // 2
    "    restart: unless-stopped\n"
    "    logging:\n"
    "      options: {max-size: 10m}\n"
    "  worker:\n"                      // 6
    "    image: busybox:1.36\n"
    "    depends_on: [db, cache]\n"    // 8
    "    volumes: [data:/data]\n";     // 9

TEST(ComposeProject, BaseCountsWhatItsOverrideAdds) {
  Project p;
  const SourceFile& base = p.Add("app/compose.yaml", kBase);
  p.Add("app/compose.override.yaml", kOverride);
  const auto f = p.Findings(base);
  EXPECT_FALSE(Has(f, "DC040@2")) << "the override gives web a restart policy";
  EXPECT_FALSE(Has(f, "DC046@2")) << "the override gives web log rotation";
  EXPECT_TRUE(Has(f, "DC040@4"));
  EXPECT_TRUE(Has(f, "DC023@2")) << "what neither file sets is still reported";
  EXPECT_FALSE(Has(f, "DC049@7")) << "the override's worker uses the volume";
  // The fix adds only what the merged project lacks.
  FixOutcome out = FixToFixpoint(base, p.Opts(), Applicability::kSafe);
  EXPECT_EQ(out.text.find("restart: unless-stopped\n  db:"), std::string::npos) << out.text;
  EXPECT_NE(out.text.find("postgres:16.4\n    restart:"), std::string::npos) << out.text;
}

TEST(ComposeProject, OverrideJudgesOnlyItsOwnServices) {
  Project p;
  p.Add("app/compose.yaml", kBase);
  const SourceFile& over = p.Add("app/compose.override.yaml", kOverride);
  const auto f = p.Findings(over);
  EXPECT_TRUE(Has(f, "DC023@6")) << "worker is defined only here";
  EXPECT_FALSE(Has(f, "DC023@2")) << "web is the base's: judged there";
  EXPECT_TRUE(Has(f, "DC090@8")) << "`cache` is defined nowhere";
  int undefined = 0;
  for (const std::string& s : f) undefined += s.starts_with("DC090");
  EXPECT_EQ(undefined, 1) << "`db` and `data` come from the base";
}

TEST(ComposeProject, OverrideWithoutItsBaseIsNotJudged) {
  Project p;
  const SourceFile& over = p.Add("app/compose.override.yaml", kOverride);
  for (const std::string& s : p.Findings(over)) {
    EXPECT_FALSE(s.starts_with("DC090")) << s;
    EXPECT_FALSE(s.starts_with("DC023")) << s;
  }
}

TEST(ComposeProject, OnlyTheDefaultPairIsOneProject) {
  // docker compose loads compose.yaml + compose.override.yaml; a second base name beside them
  // (docker-compose.yml) is a different file, judged alone.
  Project p;
  p.Add("app/compose.yaml", kBase);
  p.Add("app/compose.override.yaml", kOverride);
  const SourceFile& other = p.Add("app/docker-compose.yml", kBase);
  EXPECT_TRUE(Has(p.Findings(other), "DC040@2"));
  EXPECT_TRUE(Has(p.Findings(other), "DC049@7"));
}

}  // namespace
}  // namespace shipshape
