// The Compose model rules run on. `ComposeFile` is one parsed (or several merged) compose file(s):
// the YAML tree (every key and scalar keeps its byte range) plus normalized per-service views
// (ports, volumes, environment, build, depends_on, healthcheck, ...) in long form. Every
// normalized value keeps the range it was written at; for values that come from an anchor or a
// `<<` merge key that is the definition's range, and `Value::source` says which file.
//
// Interpolation (`${VAR}`) is applied to normalized values with the lookup passed in (usually the
// project's `.env`); a value depending on a variable the lookup lacks is `known == false` and
// lists what it depends on, so rules can say "unknown" instead of pass/fail.
//
// LoadComposeProject() implements file discovery, `-f` style merging (per the Compose merge
// rules, `!reset`/`!override`), `extends` and `include`, all through the FileSystem interface.
#ifndef SHIPSHAPE_COMPOSE_COMPOSE_H_
#define SHIPSHAPE_COMPOSE_COMPOSE_H_

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "interpolate/interpolate.h"
#include "core/result.h"
#include "core/text_range.h"
#include "core/workspace.h"
#include "yaml/yaml.h"

namespace shipshape::compose {

/// A scalar from the file, interpolated. Absent values have node == nullptr.
struct Value {
  std::string text;  ///< After interpolation (unset variables read as "").
  std::string raw;   ///< Decoded YAML scalar before interpolation.
  TextRange range;   ///< Where written (the definition for anchors/merges).
  const yaml::Node* node = nullptr;
  uint16_t source = 0;  ///< Index into ComposeFile::sources (0 = the main file).
  bool known = true;    ///< False: depends on an unset variable without default.
  std::vector<std::string> unknown;  ///< The unset variables it depends on.
  /// True if reached through an alias or a `<<` merge key (range is the definition).
  bool from_anchor = false;

  bool present() const { return node != nullptr; }
  explicit operator bool() const { return present(); }
  /// Boolean reading of the interpolated text (true/false, yes/no, on/off; YAML 1.1 forms too).
  std::optional<bool> AsBool() const;
  std::optional<int64_t> AsInt() const;
  std::optional<double> AsDouble() const;
};

/// Normalized `ports` entry (short `"[ip:][host:]container[/proto]"` or long form).
struct Port {
  Value host_ip;    ///< Without IPv6 brackets; absent = all interfaces.
  Value published;  ///< Host port or range ("8080", "8000-8010"); absent = random port.
  Value target;     ///< Container port or range.
  std::string protocol = "tcp";
  std::string mode;  ///< Long syntax `mode` (host|ingress), else empty.
  TextRange range;   ///< The whole entry.
  uint16_t source = 0;
  bool long_syntax = false;
  bool known = true;        ///< False if any part depends on an unset variable.
  std::string error;        ///< Non-empty if the short syntax could not be parsed.
  const yaml::Node* node = nullptr;
};

enum class MountType : uint8_t { kVolume, kBind, kTmpfs, kImage, kNpipe, kCluster, kUnknown };
std::string_view MountTypeName(MountType t);

/// Normalized `volumes` entry of a service.
struct Mount {
  MountType type = MountType::kVolume;
  Value source;  ///< Host path or volume name; absent for anonymous volumes / tmpfs.
  Value target;
  bool read_only = false;
  std::string options;  ///< Short syntax options after the 2nd colon ("ro,z"); empty in long form.
  TextRange range;
  uint16_t source_file = 0;
  bool long_syntax = false;
  bool known = true;
  const yaml::Node* node = nullptr;
};

/// `environment`, `build.args`, `labels`-style entry (map or `KEY=VAL` list form).
struct KeyValue {
  std::string key;
  std::optional<Value> value;  ///< nullopt for `KEY` (list) or `KEY:` / `KEY: null` (map).
  TextRange key_range;
  TextRange range;  ///< The whole entry (list item, or key through value).
  uint16_t source = 0;
};

struct Dependency {
  std::string service;
  TextRange range;  ///< The service name as written.
  std::string condition = "service_started";
  bool required = true;
  bool restart = false;
  bool long_syntax = false;
  uint16_t source = 0;
};

struct Build {
  Value context;     ///< Short syntax `build: dir` is the context.
  Value dockerfile;  ///< Absent = "Dockerfile".
  Value dockerfile_inline;
  Value target;
  std::vector<KeyValue> args;
  TextRange range;
  const yaml::Node* node = nullptr;
  bool long_syntax = false;
};

struct Healthcheck {
  std::vector<Value> test;  ///< String form gives one item; list form gives all.
  bool test_is_list = false;
  Value interval, timeout, retries, start_period, start_interval;
  bool disable = false;
  TextRange range;
  const yaml::Node* node = nullptr;
};

struct Extends {
  Value service;
  Value file;  ///< Absent = same file.
  TextRange range;
};

/// One service, normalized. `node` gives raw access to anything not modelled here.
struct Service {
  std::string name;
  TextRange name_range;
  TextRange range;
  uint16_t source = 0;
  const yaml::Node* node = nullptr;
  /// Every node of the (alias/merge-expanded) definition lies in `range` of `source`: no anchor
  /// or merge from elsewhere. Lets ServicesUsing skip the tree walk for unrelated ranges.
  /// The first service (in file order) that waits for this one with `condition:
  /// service_completed_successfully`, or empty. Computed once per file by BuildModel, so role
  /// checks stay linear in the number of services.
  std::string awaited_by;
  bool self_contained = false;

  Value image, restart, user, container_name, network_mode, pid, ipc, uts, userns_mode, cgroup,
      cgroup_parent, privileged, read_only, mem_limit, memswap_limit, mem_reservation, cpus,
      cpu_shares, pids_limit, init, pull_policy, platform, hostname, working_dir, stop_signal;
  std::optional<Build> build;
  std::vector<Port> ports;
  std::vector<Value> expose;
  std::vector<Mount> volumes;
  std::vector<KeyValue> environment;
  std::vector<Value> env_file;  ///< Paths (long form `path:`); see env_file_required.
  std::vector<bool> env_file_required;
  std::vector<Dependency> depends_on;
  std::optional<Healthcheck> healthcheck;
  std::vector<Value> cap_add, cap_drop, security_opt, tmpfs, profiles, dns, devices;
  std::vector<Value> networks;  ///< Network names (list or map keys).
  std::vector<Value> secrets;   ///< Secret names (short form, or long form `source`).
  std::vector<Value> configs;
  std::vector<Value> command, entrypoint;  ///< String form gives one item.
  std::vector<KeyValue> labels;
  std::optional<Extends> extends;
  const yaml::Node* deploy = nullptr;
  const yaml::Node* logging = nullptr;
  /// deploy.resources.limits / reservations and deploy.restart_policy, flattened.
  Value limits_cpus, limits_memory, limits_pids, reservations_cpus, reservations_memory;
  Value restart_policy_condition, restart_policy_max_attempts;
  Value replicas;

  /// The raw entry for `key` in this service, or nullptr.
  const yaml::Entry* Find(std::string_view key) const { return node ? node->Find(key) : nullptr; }
};

/// A top-level named element (volume, network, secret, config) or extension key.
struct Named {
  std::string name;
  TextRange name_range;
  TextRange range;
  uint16_t source = 0;
  const yaml::Node* node = nullptr;  ///< May be a null scalar (`volumes: {data: }`).
};

struct Include {
  std::vector<Value> paths;
  Value project_directory;
  std::vector<Value> env_file;
  TextRange range;
};

/// A model-level problem: not a YAML syntax error, not a schema error, but something Compose
/// rejects or warns about (bad port syntax, bad interpolation template, missing extends base...).
struct Problem {
  enum class Kind : uint8_t { kError, kWarning, kUnknownVariable };
  Kind kind = Kind::kError;
  std::string message;
  TextRange range;
  uint16_t source = 0;
};

struct LoadOptions {
  /// Interpolation variables (process env merged with `.env`, env wins). Empty: every `${VAR}`
  /// without default is unknown.
  VarLookup lookup;
  yaml::ParseOptions yaml;
};

/// One loaded source file (for projects: each -f file, extends/include files).
struct SourceText {
  std::string path;
  std::string_view text;  ///< Points into `owned` or the caller's buffer.
  std::shared_ptr<const std::string> owned;
  std::shared_ptr<const yaml::Document> document;
};

struct ComposeFile {
  std::string path;
  std::string_view text;  ///< Source of the main file; ranges with source 0 point into it.
  std::vector<SourceText> sources;  ///< sources[0] is the main file.
  std::shared_ptr<const yaml::Document> document;  ///< The main file's YAML tree.
  const yaml::Node* root = nullptr;  ///< Main root, or the merged tree for projects.

  std::vector<Service> services;
  std::vector<Named> volumes, networks, secrets, configs, extensions;  ///< extensions: top-level x-*
  std::vector<Include> includes;
  std::optional<TextRange> version_range;  ///< The obsolete `version:` entry (key through value).
  Value version;
  Value name;  ///< Top-level project `name:`.
  std::vector<Problem> problems;
  /// Nodes created by merging / extends / include (projects only); `root` may point here.
  std::shared_ptr<std::deque<yaml::Node>> merged_nodes;
  /// The other half of this file's default project, as `docker compose` pairs files without `-f`
  /// in one directory: for `compose.override.yaml` its base `compose.yaml`, for the base its
  /// override. Filled by the linter (the editor's buffer first, then the disk) with the same `.env`
  /// interpolation; null when the file stands alone. Rules read them to judge what the merged
  /// project has: a key the override adds, a service or volume the base defines.
  std::shared_ptr<const ComposeFile> base_file;
  std::shared_ptr<const ComposeFile> override_file;
  /// Keeps the text of a companion file alive (ranges and views point into it).
  std::shared_ptr<const std::string> owned_text;

  /// True if the YAML parsed (syntax-clean) and the root is a mapping.
  bool usable() const { return root != nullptr && root->IsMapping(); }
  const Service* FindService(std::string_view name) const;
  /// Names of services whose (alias/merge-expanded) definition includes bytes inside `range`
  /// without writing them themselves: the users of an anchor or an `extends` base.
  std::vector<std::string> ServicesUsing(TextRange range, uint16_t source = 0) const;
  /// Text of `source` (0 = main file).
  std::string_view SourceTextOf(uint16_t source) const;
};

/// Parses one compose file. `text` must outlive the result. Never throws; YAML errors are in
/// `document->errors()`, model problems in `problems`.
std::unique_ptr<ComposeFile> ParseComposeFile(std::string_view text, std::string path,
                                              const LoadOptions& options = {});

/// Builds the normalized views from `file->root` (used by ParseComposeFile and the project loader).
void BuildModel(ComposeFile* file, const LoadOptions& options);

/// Parses a short port spec (`"127.0.0.1:8080:80/tcp"`, `"[::1]:80:80"`, `"3000"`, `"8000-8010:8000-8010"`).
/// Fills host_ip/published/target text and protocol; returns false with `error` set if malformed.
bool ParsePortSpec(std::string_view spec, std::string* host_ip, std::string* published,
                   std::string* target, std::string* protocol, std::string* error);
/// Splits a short volume spec `SRC:DST[:OPTS]` (Windows drive letters kept); `dst` empty means
/// an anonymous volume at `src`.
void SplitVolumeSpec(std::string_view spec, std::string* src, std::string* dst, std::string* opts);
/// Bind mount if `src` is a path (/, ., .., ~, Windows drive), else a named volume.
MountType ClassifyVolumeSource(std::string_view src);

// ---- Projects -------------------------------------------------------------------------------

/// The default file names, in docker compose's order.
inline constexpr std::string_view kComposeFileNames[] = {"compose.yaml", "compose.yml",
                                                         "docker-compose.yml", "docker-compose.yaml"};
inline constexpr std::string_view kOverrideFileNames[] = {
    "compose.override.yml", "compose.override.yaml", "docker-compose.override.yml",
    "docker-compose.override.yaml"};

/// Files docker compose would load in `dir` without `-f`: the first default name found plus its
/// first override. Empty if none.
std::vector<std::string> DiscoverComposeFiles(const FileSystem& fs, std::string_view dir);

struct ProjectOptions {
  std::vector<std::string> files;  ///< `-f` list; empty = discovery in `project_dir`.
  std::string project_dir;         ///< Default: directory of the first file.
  /// `--env-file` list; empty = `<project_dir>/.env` if it exists.
  std::vector<std::string> env_files;
  /// Process environment (wins over env files). May be empty.
  VarLookup environment;
  bool resolve_extends = true;
  bool resolve_includes = true;
};

/// Loads, interpolates, merges (`-f` order), resolves `include` and `extends`, and builds the
/// model. Ranges keep provenance through Value::source / Service::source. Errors in individual
/// files are Problems; only "no compose file at all" is an Error.
Result<std::unique_ptr<ComposeFile>> LoadComposeProject(const FileSystem& fs, const ProjectOptions& options);

/// Merges `override` into `base` with the Compose merge rules (both trees must outlive `arena`).
/// Exposed for tests. `path` is the key path ("services.web.ports"), used to pick sequence rules.
const yaml::Node* MergeNodes(const yaml::Node* base, const yaml::Node* over, std::deque<yaml::Node>* arena);

}  // namespace shipshape::compose

#endif  // SHIPSHAPE_COMPOSE_COMPOSE_H_
