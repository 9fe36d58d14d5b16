#include "config/loader.h"

#include <sys/stat.h>

#include <cctype>
#include <fstream>
#include <sstream>

#include "core/line_index.h"
#include "core/workspace.h"
#include "patterns/glob.h"
#include "yaml/yaml.h"

namespace shipshape {
namespace {

constexpr size_t kMaxConfigSize = 1u << 20;

/// A key worth quoting in an error: a short identifier. Anything else (a line of a file that is
/// not a config at all, reached through a symlink) is not repeated back.
bool QuotableKey(const std::string& key) {
  if (key.empty() || key.size() > 64) return false;
  for (char c : key)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-' && c != '.')
      return false;
  return true;
}

// A tag `docker pull` accepts ([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}) and that does not move.
bool IsPinnableTag(const std::string& tag) {
  if (tag.empty() || tag.size() > 128 || tag == "latest" || tag[0] == '.' || tag[0] == '-') return false;
  for (char c : tag)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '.' && c != '-') return false;
  return true;
}

class ConfigReader {
 public:
  ConfigReader(std::string_view text, const std::string& path, Config* config)
      : text_(text), path_(path), config_(config) {}

  bool Run(std::string* err) {
    auto doc = yaml::Parse(text_);
    if (!doc->ok()) return Fail(doc->errors()[0].range, doc->errors()[0].message, err);
    const yaml::Node* root = doc->root();
    if (!root || root->IsNull()) return true;  // an empty config is fine
    if (!root->IsMapping()) return Fail(root->range, "the config must be a mapping of keys", err);
    for (const yaml::Entry& e : root->entries) {
      const std::string& key = e.key->value;
      const yaml::Node* v = e.value;
      if (key == "per-path" || key == "per_path") {
        if (!PerPath(v, err)) return false;
      } else if (key == "per-file-ignores" || key == "per_file_ignores") {
        if (!v->IsMapping())
          return Fail(v->range, "per-file-ignores must map path globs to lists of rules", err);
        for (const yaml::Entry& s : v->entries) {
          PathOverride o;
          o.paths.push_back(s.key->value);
          if (!Strings(s.value, &o.ignored, err)) return false;
          config_->path_overrides.push_back(std::move(o));
        }
      } else if (key == "ignore" || key == "ignored") {
        if (!Strings(v, &config_->ignored, err)) return false;
      } else if (key == "select") {
        if (!Strings(v, &config_->selected, err)) return false;
      } else if (key == "severity") {
        if (!v->IsMapping()) return Fail(v->range, "severity must map rule codes to levels", err);
        for (const yaml::Entry& s : v->entries) {
          auto sev = Level(s.value, err);
          if (!sev) return false;
          config_->severity_overrides[s.key->value] = *sev;
        }
      } else if (key == "override") {
        if (!v->IsMapping())
          return Fail(v->range, "override must map levels (error, warning, info, style) to lists",
                      err);
        for (const yaml::Entry& s : v->entries) {
          auto sev = ParseSeverity(s.key->value);
          if (!sev) return Fail(s.key_range, "unknown level '" + s.key->value + "'", err);
          std::set<std::string> codes;
          if (!Strings(s.value, &codes, err)) return false;
          for (const std::string& c : codes) config_->severity_overrides[c] = *sev;
        }
      } else if (key == "failure-threshold" || key == "failure_threshold") {
        if (!v->IsScalar()) return Fail(v->range, "failure-threshold must be a level", err);
        if (v->value == "none" || v->value == "ignore") {
          config_->failure_threshold.reset();
        } else {
          auto sev = Level(v, err);
          if (!sev) return false;
          config_->failure_threshold = *sev;
        }
      } else if (key == "no-fail") {
        if (v->AsBool().value_or(false)) config_->failure_threshold.reset();
      } else if (key == "trusted-registries" || key == "trustedRegistries" ||
                 key == "trusted_registries") {
        std::set<std::string> regs;
        if (!Strings(v, &regs, err)) return false;
        config_->trusted_registries.assign(regs.begin(), regs.end());
      } else if (key == "label-schema" || key == "label_schema") {
        if (!v->IsMapping()) return Fail(v->range, "label-schema must map label names to types", err);
        for (const yaml::Entry& s : v->entries) {
          static const char* kTypes[] = {"text", "url", "semver", "hash", "rfc3339", "spdx", "email"};
          bool known = false;
          for (const char* t : kTypes) known |= s.value->value == t;
          if (!s.value->IsScalar() || !known)
            return Fail(s.value_range,
                        "label type must be one of text, url, semver, hash, rfc3339, spdx, email",
                        err);
          config_->label_schema[s.key->value] = s.value->value;
        }
      } else if (key == "image-pins" || key == "image_pins" || key == "imagePins") {
        if (!v->IsMapping()) return Fail(v->range, "image-pins must map image names to tags", err);
        for (const yaml::Entry& s : v->entries) {
          const std::string& tag = s.value->value;
          if (!s.value->IsScalar() || !IsPinnableTag(tag))
            return Fail(s.value_range, "image pin for `" + s.key->value + "` must be a tag such as 3.22",
                        err);
          config_->image_pins[s.key->value] = tag;
        }
      } else if (key == "strict-labels" || key == "strict_labels") {
        if (!Bool(v, &config_->strict_labels, err)) return false;
      } else if (key == "preview") {
        if (!Bool(v, &config_->preview, err)) return false;
      } else if (key == "shellcheck") {
        if (!Bool(v, &config_->shellcheck, err)) return false;
      } else if (key == "exclude") {
        std::set<std::string> globs;
        if (!Strings(v, &globs, err)) return false;
        for (const std::string& g : globs) {
          if (g.empty() || g == "/") return Fail(v->range, "exclude patterns must not be empty", err);
          config_->exclude.push_back(g);
        }
      } else if (key == "format" || key == "output-format" || key == "verbose" ||
                 key == "no-color" || key == "disable-ignore-pragma") {
        // hadolint display options: accepted, not used (the command line decides output).
      } else {
        return Fail(e.key_range,
                    QuotableKey(key) ? "unknown config key '" + key + "'" : "unknown config key",
                    err);
      }
    }
    return true;
  }

 private:
  // per-path:
  //   - paths: ["legacy/**", "tools/*/Dockerfile"]
  //     ignore: [DF044]
  //     severity: {DF011: info}
  //     override: {error: [DL3008]}
  //     trusted-registries: [registry.internal]
  bool PerPath(const yaml::Node* v, std::string* err) {
    if (!v->IsSequence())
      return Fail(v->range, "per-path must be a list of {paths, ignore, severity, ...} entries",
                  err);
    for (const yaml::Item& it : v->items) {
      const yaml::Node* m = it.node;
      if (!m->IsMapping()) return Fail(it.range, "a per-path entry must be a mapping", err);
      PathOverride o;
      bool has_paths = false;
      for (const yaml::Entry& e : m->entries) {
        const std::string& k = e.key->value;
        if (k == "paths" || k == "path" || k == "files") {
          std::set<std::string> globs;
          if (!Strings(e.value, &globs, err)) return false;
          for (const std::string& g : globs) {
            if (g.empty()) return Fail(e.value->range, "a path glob must not be empty", err);
            o.paths.push_back(g);
          }
          has_paths = true;
        } else if (k == "ignore" || k == "ignored") {
          if (!Strings(e.value, &o.ignored, err)) return false;
        } else if (k == "severity") {
          if (!e.value->IsMapping())
            return Fail(e.value->range, "severity must map rule codes to levels", err);
          for (const yaml::Entry& s : e.value->entries) {
            auto sev = Level(s.value, err);
            if (!sev) return false;
            o.severity_overrides[s.key->value] = *sev;
          }
        } else if (k == "override") {
          if (!e.value->IsMapping())
            return Fail(e.value->range, "override must map levels to lists of rules", err);
          for (const yaml::Entry& s : e.value->entries) {
            auto sev = ParseSeverity(s.key->value);
            if (!sev) return Fail(s.key_range, "unknown level '" + s.key->value + "'", err);
            std::set<std::string> codes;
            if (!Strings(s.value, &codes, err)) return false;
            for (const std::string& c : codes) o.severity_overrides[c] = *sev;
          }
        } else if (k == "trusted-registries" || k == "trustedRegistries" ||
                   k == "trusted_registries") {
          std::set<std::string> regs;
          if (!Strings(e.value, &regs, err)) return false;
          o.trusted_registries.emplace(regs.begin(), regs.end());
        } else {
          return Fail(e.key_range,
                      "unknown per-path key" + (QuotableKey(k) ? " '" + k + "'" : std::string()) +
                          " (expected paths, ignore, severity, override, trusted-registries)",
                      err);
        }
      }
      if (!has_paths || o.paths.empty())
        return Fail(it.range, "a per-path entry needs `paths:` (globs)", err);
      config_->path_overrides.push_back(std::move(o));
    }
    return true;
  }

  bool Fail(TextRange r, const std::string& msg, std::string* err) {
    SourceLocation loc = LineIndex(text_).Locate(r.start);
    *err = path_ + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column) + ": " + msg;
    return false;
  }
  bool Strings(const yaml::Node* v, std::set<std::string>* out, std::string* err) {
    if (v->IsScalar() && !v->IsNull()) {
      out->insert(v->value);
      return true;
    }
    if (v->IsNull()) return true;
    if (!v->IsSequence()) return Fail(v->range, "expected a list of strings", err);
    for (const yaml::Item& it : v->items) {
      if (!it.node->IsScalar()) return Fail(it.range, "expected a string", err);
      out->insert(it.node->value);
    }
    return true;
  }
  std::optional<Severity> Level(const yaml::Node* v, std::string* err) {
    auto s = v->IsScalar() ? ParseSeverity(v->value) : std::nullopt;
    if (!s) Fail(v->range, "expected a level: style, info, warning, error or critical", err);
    return s;
  }
  bool Bool(const yaml::Node* v, bool* out, std::string* err) {
    auto b = v->AsBool();
    if (!b) return Fail(v->range, "expected true or false", err);
    *out = *b;
    return true;
  }

  std::string_view text_;
  const std::string& path_;
  Config* config_;
};

/// Reads a config file: a regular file only, opened non-blocking (a FIFO named .shipshape.yaml
/// must not hang the run) and, with `roots`, only beneath them. False with a reason that quotes
/// nothing from the file.
bool ReadConfigFile(const std::string& path, const ScanRoots* roots, std::string* out,
                    std::string* why) {
  RealFileSystem fs(roots);
  uint32_t mode = 0;
  int error = 0;
  if (fs.Load(path, kMaxConfigSize, out, &mode, why, &error)) return true;
  if (why->rfind("skipped: ", 0) == 0) why->erase(0, 9);
  return false;
}

/// Absolute, symlink-free directory of the config file `path` (for anchoring `exclude`).
std::string ConfigDir(const std::string& path) {
  char buf[4096];
  const std::string dir = DirName(path);
  return ::realpath(dir.c_str(), buf) ? std::string(buf) : dir;
}

}  // namespace

bool PathGlobMatches(const std::string& glob, const std::string& rel) {
  std::string g = glob;
  if (!g.empty() && g.back() == '/') g += "**";  // a directory: everything below it
  const bool anchored = g.find('/') != std::string::npos;
  if (!g.empty() && g[0] == '/') g.erase(0, 1);
  if (anchored) return !rel.empty() && patterns::GlobMatch(g, rel);
  const std::string name = rel.substr(rel.find_last_of('/') + 1);
  return patterns::GlobMatch(g, name);
}

bool ConfigForPath(const Config& base, const std::string& rel, Config* out) {
  bool any = false;
  for (const PathOverride& o : base.path_overrides) {
    bool hit = false;
    for (const std::string& g : o.paths) hit = hit || PathGlobMatches(g, rel);
    if (!hit) continue;
    if (!any) *out = base;
    any = true;
    out->ignored.insert(o.ignored.begin(), o.ignored.end());
    for (const auto& [code, sev] : o.severity_overrides) out->severity_overrides[code] = sev;
    if (o.trusted_registries) out->trusted_registries = *o.trusted_registries;
  }
  if (any) out->path_overrides.clear();
  return any;
}

bool ParseConfig(std::string_view text, const std::string& path, Config* config, std::string* err) {
  return ConfigReader(text, path, config).Run(err);
}

bool LoadConfig(const std::string& explicit_path, const std::string& start, Config* config,
                std::string* note, std::string* err) {
  std::string text, why;
  if (!explicit_path.empty()) {
    // Named by the operator: read where it is, but still only a regular file.
    if (!ReadConfigFile(explicit_path, nullptr, &text, &why)) {
      *err = "cannot read config " + explicit_path + ": " + why;
      return false;
    }
    *note = "using config " + explicit_path;
    config->config_dir = ConfigDir(explicit_path);
    return ParseConfig(text, explicit_path, config, err);
  }
  // Upward search from the scanned path, first our own names, then hadolint's; it stops at the
  // tree holding the scanned path (ContainingTree: its repository, else the working directory or
  // the scanned directory), so a directory above it on a shared machine cannot plant
  // `exclude: ["**"]`.
  // Candidates are read only beneath that boundary: `.shipshape.yaml -> /etc/shadow` is refused.
  struct stat st;
  std::string dir = start;
  if (::stat(start.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) dir = DirName(start);
  char buf[4096];
  if (!::realpath(dir.c_str(), buf)) return true;  // discovery reports the missing path
  dir = buf;
  const std::string top = ContainingTree(dir);
  ScanRoots boundary;
  if (!boundary.Add(top, err)) return false;
  for (int depth = 0; depth < 256; ++depth) {
    for (const char* name : {".shipshape.yaml", ".shipshape.yml", ".hadolint.yaml", ".hadolint.yml"}) {
      std::string p = dir == "/" ? std::string("/") + name : dir + "/" + name;
      struct stat cst;
      if (::lstat(p.c_str(), &cst) != 0) continue;
      if (!ReadConfigFile(p, &boundary, &text, &why)) {
        *err = "cannot read config " + p + ": " + why;
        return false;
      }
      *note = "using config " + p;
      config->config_dir = ConfigDir(p);
      return ParseConfig(text, p, config, err);
    }
    if (dir == top || dir == "/" || dir.empty()) break;
    dir = DirName(dir);
  }
  return true;
}

}  // namespace shipshape
