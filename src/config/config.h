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

/// Settings for the files some globs name (`per-path:` / `per-file-ignores:` in the config),
/// applied over the top-level settings in the order written.
struct PathOverride {
  /// Globs relative to the config file's directory; one without '/' matches a file name at any
  /// depth, `*` also matches '/'.
  std::vector<std::string> paths;
  std::set<std::string> ignored;
  std::map<std::string, Severity> severity_overrides;
  std::optional<std::vector<std::string>> trusted_registries;
};

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
  std::vector<PathOverride> path_overrides;
  /// Image repository -> tag that `fix --unsafe` pins an untagged or `latest` image to, over the
  /// built-in table (data/image-pins.json).
  std::map<std::string, std::string> image_pins;
};

/// True if `glob` (a PathOverride or `exclude:` pattern) names the file at `rel`, a path relative
/// to the config directory.
bool PathGlobMatches(const std::string& glob, const std::string& rel);

/// The settings that apply to the file at `rel` (relative to `base.config_dir`): `base` with every
/// matching PathOverride applied in order. Returns false (and leaves `*out` alone) when none
/// matches, so callers can keep using `base`.
bool ConfigForPath(const Config& base, const std::string& rel, Config* out);

}  // namespace shipshape

#endif  // SHIPSHAPE_CONFIG_CONFIG_H_
