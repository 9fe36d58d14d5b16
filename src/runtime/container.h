// The runtime model: one container as `docker inspect` (or the Engine API's
// `GET /containers/{id}/json`) describes it, reduced to the fields the DRxxx rules read, plus a
// map from JSON pointers to byte ranges so every finding points into the container's JSON text.
//
// The text a container's diagnostics point into is the pretty-printed JSON of that one container
// (see inspect_json.h), not the caller's input: input may be one line, many containers, or come
// from the socket. `Container::Locate("/HostConfig/Privileged")` gives the range of that member
// in that text (`"Privileged": true`), so reporters show the key's line.
//
// Missing fields take Docker's defaults (empty, 0, false): engines differ (`Mounts` absent on old
// engines, `HostConfig.Mounts` null, `PidsLimit` null or 0), and inline rule cases give only the
// fields they test. Pure data; no I/O.
#ifndef SHIPSHAPE_RUNTIME_CONTAINER_H_
#define SHIPSHAPE_RUNTIME_CONTAINER_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text_range.h"

namespace shipshape::runtime {

/// Byte ranges of every member and array element of a JSON text, by RFC 6901 JSON pointer
/// ("/HostConfig/PortBindings/80~1tcp/0/HostIp"). Built by ScanJsonRanges().
class JsonRanges {
 public:
  struct Entry {
    TextRange key;       ///< The quoted key of a member; for an array element, same as `value`.
    TextRange value;     ///< The value, from its first to its last byte.
    bool scalar = true;  ///< Not an object or array.
  };

  void Add(std::string pointer, Entry e) { entries_[std::move(pointer)] = e; }
  /// The entry at exactly `pointer`, or nullptr.
  const Entry* Find(std::string_view pointer) const;
  /// Where a finding about `pointer` should point: a scalar member as `"Key": value`, an object
  /// or array member as its key; if `pointer` is absent (a field the engine omitted), the key of
  /// its deepest present ancestor; with no ancestor, `/Name`, else the first byte.
  TextRange Locate(std::string_view pointer) const;
  size_t size() const { return entries_.size(); }

 private:
  std::map<std::string, Entry, std::less<>> entries_;
};

/// Appends `segment` to `pointer` with RFC 6901 escaping ("~" -> "~0", "/" -> "~1").
std::string JsonPointerAppend(std::string_view pointer, std::string_view segment);

/// Ranges of every member and element of `text`, which must be valid JSON (as produced by
/// nlohmann's dump). Never fails; stops quietly at anything unexpected.
JsonRanges ScanJsonRanges(std::string_view text);

/// A host path or volume mounted into the container, merged from HostConfig.Binds,
/// HostConfig.Mounts and the top-level Mounts (engines fill different ones).
struct Mount {
  std::string type;    ///< "bind", "volume", "tmpfs", "npipe", "cluster".
  std::string source;  ///< Host path for binds; volume name for volumes.
  std::string target;  ///< Path inside the container.
  bool read_only = false;
  std::string propagation;
  std::string pointer;  ///< JSON pointer of the entry that declared it.
};

/// One published port: HostConfig.PortBindings["80/tcp"][i].
struct PortBinding {
  std::string container_port;  ///< "80/tcp"
  std::string host_ip;         ///< "" means every interface, as do "0.0.0.0" and "::".
  std::string host_port;
  std::string pointer;  ///< JSON pointer of the binding object.
};

/// The com.docker.compose.* labels that tie a container back to its Compose file.
struct ComposeOrigin {
  std::string project;                    ///< com.docker.compose.project
  std::string service;                    ///< com.docker.compose.service
  std::vector<std::string> config_files;  ///< com.docker.compose.project.config_files, split on ','
  std::string working_dir;                ///< com.docker.compose.project.working_dir
  bool oneoff = false;  ///< com.docker.compose.oneoff == "True" (`docker compose run`)

  bool present() const { return !service.empty(); }
};

struct Container {
  std::string id;         ///< Id
  std::string name;       ///< Name without Docker's leading '/'.
  std::string image_ref;  ///< Config.Image: the reference it was created from ("nginx:1.27").
  std::string image_id;   ///< Image: the resolved image ID ("sha256:...").

  // Config
  std::string user;              ///< Config.User ("" = the image's default, usually root).
  bool has_healthcheck = false;  ///< Config.Healthcheck present with a Test other than NONE.
  std::vector<std::string> healthcheck_test;
  std::map<std::string, std::string> labels;
  ComposeOrigin compose;

  // State
  std::string state_status;   ///< State.Status ("running", "exited", ...)
  std::string health_status;  ///< State.Health.Status ("" when no healthcheck)
  int64_t health_failing_streak = 0;
  std::string health_last_output;  ///< Output of the last State.Health.Log entry.
  int64_t health_last_exit_code = 0;

  // HostConfig
  std::string
      restart_policy;  ///< RestartPolicy.Name ("", "no", "always", "unless-stopped", "on-failure")
  int64_t restart_max_retries = 0;  ///< RestartPolicy.MaximumRetryCount
  bool auto_remove = false;
  bool privileged = false;
  std::vector<std::string> cap_add, cap_drop, security_opt;
  bool readonly_rootfs = false;
  int64_t memory = 0;
  int64_t nano_cpus = 0;
  int64_t cpu_quota = 0;
  int64_t cpu_shares = 0;
  std::optional<int64_t> pids_limit;  ///< null on engines >= 19.03 when unset, 0 before.
  std::vector<std::string> binds;     ///< HostConfig.Binds as given ("src:dst:opts")
  std::vector<Mount> mounts;          ///< Every mount, merged and de-duplicated by target.
  std::string network_mode, pid_mode, ipc_mode, uts_mode, userns_mode;
  std::vector<PortBinding> port_bindings;
  bool publish_all_ports = false;
  std::string log_driver;                          ///< LogConfig.Type
  std::map<std::string, std::string> log_options;  ///< LogConfig.Config
  std::string apparmor_profile;  ///< Top-level AppArmorProfile ("" on hosts without AppArmor).

  /// Ranges into the container's pretty-printed JSON text.
  JsonRanges ranges;

  /// See JsonRanges::Locate.
  TextRange Locate(std::string_view pointer) const { return ranges.Locate(pointer); }
  /// Value of label `key`, or "".
  std::string_view Label(std::string_view key) const;
};

}  // namespace shipshape::runtime

#endif  // SHIPSHAPE_RUNTIME_CONTAINER_H_
