// One `.env` is judged the same by the Compose rule DC014 (env_file with credentials not kept out
// of git) and the context rule DX021 (private env file not gitignored): both ask
// patterns::GitignoreDecide (issue 15: DC014 stopped its walk at the scan root while DX021 went on
// to the repository top, so one file was ignored for one rule and committed for the other).
#include <gtest/gtest.h>

#include "lint/linter.h"
#include "rules/registry.h"

namespace shipshape {
namespace {

struct Scenario {
  const char* name;
  std::vector<std::pair<std::string, std::string>> files;  ///< Besides the .env and compose file.
  std::string root;   ///< Scan root.
  std::string dir;    ///< Directory of the compose file and its `.env`.
  bool ignored;       ///< What git decides for `<dir>/.env`.
};

bool Fires(std::string_view code, const SourceFile& file, const Workspace& ws) {
  Config config;
  config.preview = true;
  LintOptions opts;
  opts.config = &config;
  opts.workspace = &ws;
  opts.only = FindRule(code);
  EXPECT_NE(opts.only, nullptr);
  for (const Diagnostic& d : LintFile(file, opts))
    if (d.rule == opts.only) return true;
  return false;
}

TEST(GitignoreAgreement, DC014AndDX021JudgeOneEnvFileAlike) {
  const std::vector<Scenario> scenarios = {
      {"plain", {{".gitignore", ".env\n"}}, ".", ".", true},
      {"not listed", {{".gitignore", "node_modules/\n"}}, ".", ".", false},
      {"re-included by `!`", {{".gitignore", ".env*\n!.env\n"}}, ".", ".", false},
      {"deeper file re-includes", {{".gitignore", ".env\n"}, {"app/.gitignore", "!.env\n"}}, ".", "app", false},
      {"ignored parent directory", {{".gitignore", "app/\n"}, {"app/.gitignore", "!.env\n"}}, ".", "app", true},
      {"anchored elsewhere", {{".gitignore", "/other/.env\n"}}, ".", "app", false},
      {"repository top above the scan root",
       {{"repo/.git/HEAD", "ref: refs/heads/main\n"}, {"repo/.gitignore", "**/.env\n"}},
       "repo/app",
       "repo/app",
       true},
  };
  for (const Scenario& s : scenarios) {
    MemoryFileSystem fs;
    for (const auto& [path, text] : s.files) fs.Add(path, text);
    const std::string prefix = s.dir == "." ? "" : s.dir + "/";
    const std::string env_text = "DB_PASSWORD=k3str4-real-Secret\n";
    const std::string compose_text = "services:\n  api:\n    image: api:1\n    env_file: .env\n";
    fs.Add(prefix + ".env", env_text);
    fs.Add(prefix + "compose.yaml", compose_text);
    Workspace ws;
    ws.root = s.root;
    ws.fs = &fs;
    SourceFile env;
    env.path = prefix + ".env";
    env.kind = FileKind::kEnv;
    env.text = env_text;
    SourceFile compose;
    compose.path = prefix + "compose.yaml";
    compose.kind = FileKind::kCompose;
    compose.text = compose_text;
    EXPECT_EQ(Fires("DC014", compose, ws), !s.ignored) << s.name;
    EXPECT_EQ(Fires("DX021", env, ws), !s.ignored) << s.name;
  }
}

}  // namespace
}  // namespace shipshape
