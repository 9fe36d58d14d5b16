// What shipshape knows about widely used images (data/known-images.json, embedded at build time):
// their role (database, cache, web...), default ports, a working healthcheck, the user they run
// as, the paths they write to (for `read_only: true` + `tmpfs`), the capabilities their entrypoint
// needs after `cap_drop: [ALL]`, and which variables they also accept as `<NAME>_FILE`.
//
// Compose rules use it to recognise a database published on all interfaces and to build fixes
// (a healthcheck, resource limits by class, a read-only root with the right tmpfs mounts). An
// image that is not in the table is simply unknown: rules then skip the fix, never guess.
//
// Image references are normalized the way Docker does (`docker.io/library/postgres:16` and
// `postgres:16` are the same image) before matching the table's patterns.
#ifndef SHIPSHAPE_COMPOSE_KNOWN_IMAGES_H_
#define SHIPSHAPE_COMPOSE_KNOWN_IMAGES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace shipshape::compose {

/// An image reference split into its parts.
struct ImageRef {
  std::string registry;    ///< Empty for Docker Hub.
  std::string repository;  ///< Path without registry; Docker Hub official images lose `library/`.
  std::string tag;         ///< Empty when absent.
  std::string digest;      ///< `sha256:...` when pinned by digest.
  /// `registry/repository` (or just `repository` on Docker Hub): what table patterns match.
  std::string FullName() const { return registry.empty() ? repository : registry + "/" + repository; }
};

/// Splits `ref` (`[registry/]path[:tag][@digest]`). `docker.io`, `index.docker.io` and
/// `registry-1.docker.io` count as Docker Hub. The registry part is lower-cased.
ImageRef ParseImageRef(std::string_view ref);

/// Leading number of a tag (`16-alpine` -> 16, `v2.10` -> 2), or nullopt (`latest`, `alpine`).
std::optional<int> TagMajor(std::string_view tag);

struct KnownHealthcheck {
  std::vector<std::string> test;  ///< Exec form as Compose writes it (`CMD` / `CMD-SHELL` first).
  std::string interval, timeout, start_period;
  int retries = 3;
  /// True when the probe's tool ships in every tag of the image.
  bool safe = false;
  /// When > 0, the tool is only guaranteed from this major version of the tag on.
  int safe_from_major = 0;
};

/// Defaults per memory class (resource limits fix), and whether its ports are private.
struct ImageClass {
  std::string name;
  std::string cpus, memory, reservation_cpus, reservation_memory;
  /// Databases, caches, queues, search engines: their ports should not face the network.
  bool private_ports = false;
};

struct KnownImage {
  std::string name;
  std::vector<std::string> patterns;
  std::string image_class;
  std::vector<int> ports;
  std::optional<KnownHealthcheck> healthcheck;
  /// True when the image declares a HEALTHCHECK itself (in every tag): no healthcheck is missing.
  bool image_healthcheck = false;
  std::string user;
  bool starts_as_root = false;
  /// nullopt: not known (no read-only fix). Empty: writes nothing outside its data paths.
  std::optional<std::vector<std::string>> writable_paths;
  std::vector<std::string> data_paths;
  /// The image's own `VOLUME` paths (in every tag, and in every image the patterns match):
  /// Docker mounts an anonymous volume there, writable even with `read_only: true`.
  std::vector<std::string> image_volumes;
  /// Directories holding the image's own configuration files that the entrypoint also writes at
  /// start (Elasticsearch's keystore in `config/`, RabbitMQ's generated `rabbitmq.conf`): a tmpfs
  /// there would hide the shipped files, so `read_only: true` needs a volume holding them first.
  std::vector<std::string> config_paths;
  /// nullopt: not known (no cap_drop fix). Empty: needs none.
  std::optional<std::vector<std::string>> capabilities;
  std::vector<std::string> file_env;
};

class KnownImages {
 public:
  /// Parses the table. Errors name the entry and field.
  static Result<KnownImages> Parse(std::string_view json);
  /// The embedded table (parsed once; an empty table if the embedded data is broken).
  static const KnownImages& Get();

  /// The entry whose pattern matches `image` (a full reference with tag), or nullptr.
  const KnownImage* Match(std::string_view image) const;
  const ImageClass* Class(std::string_view name) const;
  /// The class of `img`, or the "default" class.
  const ImageClass& ClassOf(const KnownImage* img) const;
  const std::vector<KnownImage>& images() const { return images_; }
  const std::vector<ImageClass>& classes() const { return classes_; }

 private:
  std::vector<KnownImage> images_;
  std::vector<ImageClass> classes_;
  ImageClass fallback_;
};

/// Glob match where `*` matches any run of characters (including `/`): patterns::GlobMatch's
/// fnmatch dialect (`?`, `[...]` and `\` escapes too).
bool GlobMatch(std::string_view pattern, std::string_view text);

}  // namespace shipshape::compose

#endif  // SHIPSHAPE_COMPOSE_KNOWN_IMAGES_H_
