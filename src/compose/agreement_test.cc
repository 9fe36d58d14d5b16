// Our schema verdict against `docker-compose config -q` (Debian's docker-compose 1.29, which
// validates without a Docker engine) on every Compose file of the shared corpus. Each
// disagreement must be explained by one of the reasons below; a reason that explains nothing any
// more fails the test too, so the table stays true.
#include <gtest/gtest.h>
#include <re2/re2.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "lint/linter.h"
#include "rules/registry.h"
#include "testing/docker_compose.h"

namespace shipshape {
namespace {

namespace fs = std::filesystem;

struct Reason {
  const char* id;
  bool compose_valid;   ///< docker-compose's verdict this reason explains.
  const char* pattern;  ///< RE2 on docker-compose's error (or, when it accepted, our messages).
  const char* why;
};

// docker-compose 1.29 implements an older schema than the Compose Specification we validate
// against, and the corpus is flattened (files referenced by a Compose file are not beside it).
const Reason kReasons[] = {
    {"flattened-build", false, R"(build path .* either does not exist)",
     "build contexts are not beside the file in the flattened corpus; shipshape validates the "
     "file itself (a missing context is a separate rule)"},
    {"flattened-files", false, R"(Couldn't find env file|No such file or directory)",
     "env_file / extends targets are not beside the file in the flattened corpus"},
    {"old-schema-name", false,
     R"('name' does not match any of the regexes|Additional properties are not allowed \('name')",
     "the top-level `name:` key is newer than docker-compose 1.29's schema"},
    {"old-schema-ports", false,
     R"(ports contains an invalid type|ports contains unsupported option|expose is invalid)",
     "port ranges, named ports and app_protocol in the Compose Specification are newer than "
     "docker-compose 1.29"},
    {"old-schema-other", false,
     R"(pull_policy value|value 'pids' does not match|value 'content' does not match|)"
     R"(value 'environment' does not match|services\.[^ ]+\.platforms|)"
     R"(contains unsupported option: 'platforms'|)"
     R"(Unsupported config option for services\.[^:]+: '(platforms|develop|pull_policy|)"
     R"(post_start|pre_stop|gpus|models|provider|use_api_socket|attach)')",
     "pull_policy: missing, deploy limits pids, configs content, secrets environment, platforms "
     "and other Compose Specification keys are newer than docker-compose 1.29"},
    {"old-schema-include", false,
     R"('include' does not match any of the regexes|services 'include' must be a mapping)",
     "the top-level `include:` key is newer than docker-compose 1.29's schema"},
    {"uppercase-service", false, R"(contains uppercase characters which are not valid)",
     "docker-compose 1.29 refuses upper-case service names for built images; docker compose v2 "
     "lower-cases the image name and the Compose Specification allows them"},
    {"compose-tags", false, R"(could not determine a constructor for the tag)",
     "`!reset` / `!override` are Compose Specification YAML tags docker-compose 1.29 predates"},
    {"partial-file", false, R"(has neither an image nor a build context specified)",
     "an override or fragment file: the image comes from the file it is merged with; as a single "
     "file it is valid against the schema"},
    {"fragment-depends", false, R"(depends on service '[^']*' which is undefined)",
     "a fragment whose depends_on names a service defined in another file of the project"},
    {"unset-variable", false, R"(Missing mandatory value for|is not a valid integer)",
     "an unset variable (`${X:?...}`, or one without a default used where a number is needed): "
     "docker-compose fails or interpolates a blank; shipshape treats the value as unknown, "
     "neither valid nor invalid, and names the variable in findings that depend on it"},
    {"legacy-v1", true, R"(legacy Compose v1 format)",
     "docker-compose 1.29 still reads the legacy v1 format (services at the top level); the "
     "Compose Specification and docker compose v2 reject it"},
};

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Verdict {
  bool compose_valid = false;
  std::string compose_err;
  bool ours_valid = false;
  std::string ours_msgs;
};

TEST(ComposeAgreement, SchemaVerdictMatchesDockerComposeOrIsExplained) {
  const fs::path corpus = fs::path(SHIPSHAPE_SHARED_DIR) / "corpus" / "compose";
  if (!testing::HaveDockerCompose()) GTEST_SKIP() << "docker-compose is not installed (scripts/bootstrap installs it)";
  ASSERT_TRUE(fs::exists(corpus)) << "no corpus";
  char tmpl[] = "/tmp/shipshape-dc-XXXXXX";
  ASSERT_NE(::mkdtemp(tmpl), nullptr);
  const fs::path work = tmpl;

  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(corpus)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<Verdict> verdicts(files.size());

  // docker-compose's verdicts, all files in one Python process (see testing/docker_compose.h).
  std::vector<std::string> paths;
  for (const fs::path& f : files) paths.push_back(f.string());
  std::optional<std::vector<testing::ComposeVerdict>> theirs =
      testing::DockerComposeVerdicts(paths, work);
  ASSERT_TRUE(theirs.has_value()) << "docker-compose's validator did not run";
  for (size_t i = 0; i < files.size(); ++i) {
    verdicts[i].compose_valid = (*theirs)[i].valid;
    verdicts[i].compose_err = (*theirs)[i].error;

    // Our verdict: the parser and schema rules only.
    SourceFile f;
    f.path = files[i].filename().string();
    f.kind = FileKind::kCompose;
    f.text = Read(files[i]);
    Config config;
    config.selected = {"DC000", "DC001", "DC002"};
    LintOptions opts;
    opts.config = &config;
    auto diags = LintFile(f, opts);
    verdicts[i].ours_valid = diags.empty();
    for (const Diagnostic& d : diags) verdicts[i].ours_msgs += d.message + "\n";
  }

  std::map<std::string, int> used;
  int agree = 0;
  for (size_t i = 0; i < files.size(); ++i) {
    const Verdict& v = verdicts[i];
    if (v.compose_valid == v.ours_valid) {
      ++agree;
      continue;
    }
    const std::string& text = v.compose_valid ? v.ours_msgs : v.compose_err;
    const Reason* why = nullptr;
    for (const Reason& r : kReasons) {
      if (r.compose_valid == v.compose_valid && RE2::PartialMatch(text, r.pattern)) {
        why = &r;
        break;
      }
    }
    if (!why) {
      ADD_FAILURE() << files[i].filename() << ": docker-compose says "
                    << (v.compose_valid ? "valid" : "invalid") << ", we say "
                    << (v.ours_valid ? "valid" : "invalid") << "; unexplained.\n docker-compose: "
                    << v.compose_err.substr(0, 400) << "\n ours: " << v.ours_msgs.substr(0, 400);
      continue;
    }
    ++used[why->id];
  }
  for (const Reason& r : kReasons)
    EXPECT_GT(used[r.id], 0) << "reason '" << r.id << "' explains no disagreement any more";
  std::string summary;
  for (auto& [id, n] : used) summary += " " + id + "=" + std::to_string(n);
  std::printf("compose agreement: %d of %zu files agree; explained:%s\n", agree, files.size(),
              summary.c_str());
  fs::remove_all(work);
}

}  // namespace
}  // namespace shipshape
