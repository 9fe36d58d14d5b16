// Test support: docker-compose 1.29's own verdict on many Compose files in one Python process.
// `docker-compose -f FILE config -q` spends ~0.3 s starting Python per file; this runs the code
// path that command runs (compose.cli.command.get_config_from_options, from the file's directory)
// for a whole list, so a corpus of hundreds of files takes seconds. Header-only: tests only.
#ifndef SHIPSHAPE_TESTING_DOCKER_COMPOSE_H_
#define SHIPSHAPE_TESTING_DOCKER_COMPOSE_H_

#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace shipshape::testing {

struct ComposeVerdict {
  bool valid = false;
  std::string error;  ///< What docker-compose reports (its ConfigurationError text), when invalid.
};

inline constexpr const char* kDockerComposeValidator = R"py(import json, os, sys
from compose.cli.command import get_config_from_options
for line in sys.stdin:
    path = line.rstrip('\n')
    try:
        os.chdir(os.path.dirname(path) or '.')
        get_config_from_options('.', {'--file': [path]}, {})
        print('OK', flush=True)
    except BaseException as e:
        print('ERR ' + json.dumps(str(e)), flush=True)
)py";

/// True when Debian's docker-compose 1.29 (a Python package) is installed.
inline bool HaveDockerCompose() {
  return ::access("/usr/bin/docker-compose", X_OK) == 0 && ::access("/usr/bin/python3", X_OK) == 0;
}

/// docker-compose's verdict on each of `files` (absolute paths), in order; nullopt when the
/// validator could not run. `work` is a scratch directory (HOME for docker-compose).
inline std::optional<std::vector<ComposeVerdict>> DockerComposeVerdicts(
    const std::vector<std::string>& files, const std::filesystem::path& work) {
  std::ofstream(work / "validate.py") << kDockerComposeValidator;
  {
    std::ofstream list(work / "files.list");
    for (const std::string& f : files) list << f << "\n";
  }
  const std::string cmd = "cd '" + work.string() + "' && env -i PATH=/usr/bin:/bin HOME='" +
                          work.string() + "' /usr/bin/python3 validate.py < files.list 2>/dev/null";
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return std::nullopt;
  std::string out;
  char buf[8192];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  if (::pclose(p) != 0) return std::nullopt;
  std::vector<ComposeVerdict> verdicts;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    ComposeVerdict v;
    v.valid = line == "OK";
    if (!v.valid && line.rfind("ERR ", 0) == 0) {
      nlohmann::json j = nlohmann::json::parse(line.substr(4), nullptr, false);
      v.error = j.is_string() ? j.get<std::string>() : line.substr(4);
    }
    verdicts.push_back(std::move(v));
  }
  if (verdicts.size() != files.size()) return std::nullopt;
  return verdicts;
}

}  // namespace shipshape::testing

#endif  // SHIPSHAPE_TESTING_DOCKER_COMPOSE_H_
