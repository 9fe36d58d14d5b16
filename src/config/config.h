// Effective configuration for a run: what `.shipshape.yaml` (or `.hadolint.yaml`) and the command
// line say. Plain data; loading lives in config/loader.*.
#ifndef SHIPSHAPE_CONFIG_CONFIG_H_
#define SHIPSHAPE_CONFIG_CONFIG_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace shipshape {

struct Config {
  /// Rule codes or aliases (e.g. "DF020" or "DL3020") never reported.
  std::set<std::string> ignored;
  /// Only these codes/aliases are reported, when non-empty (--select).
  std::set<std::string> selected;
  /// Severity per code or alias; overrides the rule's default.
  std::map<std::string, Severity> severity_overrides;
  /// Findings at or above this fail the run (exit 1). nullopt: never fail.
  std::optional<Severity> failure_threshold = Severity::kInfo;
  /// Registries images may come from (wildcards allowed, e.g. "*.gcr.io"). Empty: no check.
  std::vector<std::string> trusted_registries;
  /// Required label name -> schema type (text, url, semver, hash, rfc3339, spdx, email).
  std::map<std::string, std::string> label_schema;
  bool strict_labels = false;
  /// Also report preview rules.
  bool preview = false;
  /// Run ShellCheck on RUN scripts when it is installed.
  bool shellcheck = false;
  /// Paths never scanned: gitignore-style globs relative to `config_dir` (see DiscoverOptions).
  std::vector<std::string> exclude;
  /// Absolute directory of the config file that was loaded; empty when none was.
  std::string config_dir;
};

}  // namespace shipshape

#endif  // SHIPSHAPE_CONFIG_CONFIG_H_
