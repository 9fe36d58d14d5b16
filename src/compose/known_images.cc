#include "compose/known_images.h"

#include <unordered_map>
#include "core/strings.h"

#include <nlohmann/json.hpp>

#include <cctype>

#include "core/embedded.h"
#include "patterns/glob.h"

namespace shipshape::compose {
namespace {

using nlohmann::json;

// Reads the optional string field `key` of `o`; false (with `err` set) if present but not a string.
bool GetString(const json& o, const char* key, std::string* out, std::string* err) {
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) return true;
  if (!it->is_string()) {
    *err = std::string("`") + key + "` must be a string";
    return false;
  }
  *out = it->get<std::string>();
  return true;
}

bool GetStrings(const json& o, const char* key, std::vector<std::string>* out, std::string* err) {
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) return true;
  if (!it->is_array()) {
    *err = std::string("`") + key + "` must be a list of strings";
    return false;
  }
  for (const json& v : *it) {
    if (!v.is_string()) {
      *err = std::string("`") + key + "` must be a list of strings";
      return false;
    }
    out->push_back(v.get<std::string>());
  }
  return true;
}

// A list whose absence (or null) means "not known", unlike an empty list.
bool GetOptionalStrings(const json& o, const char* key, std::optional<std::vector<std::string>>* out,
                        std::string* err) {
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) return true;
  std::vector<std::string> v;
  if (!GetStrings(o, key, &v, err)) return false;
  *out = std::move(v);
  return true;
}

bool GetBool(const json& o, const char* key, bool* out, std::string* err) {
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) return true;
  if (!it->is_boolean()) {
    *err = std::string("`") + key + "` must be true or false";
    return false;
  }
  *out = it->get<bool>();
  return true;
}

bool GetInt(const json& o, const char* key, int* out, std::string* err) {
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) return true;
  if (!it->is_number_integer()) {
    *err = std::string("`") + key + "` must be an integer";
    return false;
  }
  *out = it->get<int>();
  return true;
}

bool ParseHealthcheck(const json& o, KnownHealthcheck* h, std::string* err) {
  if (!o.is_object()) {
    *err = "`healthcheck` must be an object";
    return false;
  }
  if (!GetStrings(o, "test", &h->test, err) || !GetString(o, "interval", &h->interval, err) ||
      !GetString(o, "timeout", &h->timeout, err) ||
      !GetString(o, "start_period", &h->start_period, err) ||
      !GetInt(o, "retries", &h->retries, err) || !GetBool(o, "safe", &h->safe, err) ||
      !GetInt(o, "safe_from_major", &h->safe_from_major, err))
    return false;
  if (h->test.size() < 2 || (h->test[0] != "CMD" && h->test[0] != "CMD-SHELL")) {
    *err = "`healthcheck.test` must start with CMD or CMD-SHELL and name a command";
    return false;
  }
  return true;
}

bool ParseImage(const json& o, KnownImage* img, std::string* err) {
  if (!o.is_object()) {
    *err = "entry must be an object";
    return false;
  }
  if (!GetString(o, "name", &img->name, err) || !GetStrings(o, "patterns", &img->patterns, err) ||
      !GetString(o, "class", &img->image_class, err) || !GetString(o, "user", &img->user, err) ||
      !GetBool(o, "starts_as_root", &img->starts_as_root, err) ||
      !GetOptionalStrings(o, "writable_paths", &img->writable_paths, err) ||
      !GetOptionalStrings(o, "capabilities", &img->capabilities, err) ||
      !GetBool(o, "image_healthcheck", &img->image_healthcheck, err) ||
      !GetStrings(o, "data_paths", &img->data_paths, err) ||
      !GetStrings(o, "image_volumes", &img->image_volumes, err) ||
      !GetStrings(o, "config_paths", &img->config_paths, err) ||
      !GetStrings(o, "file_env", &img->file_env, err))
    return false;
  if (img->name.empty()) {
    *err = "`name` is required";
    return false;
  }
  if (img->patterns.empty()) {
    *err = "`patterns` must not be empty";
    return false;
  }
  if (auto it = o.find("ports"); it != o.end()) {
    if (!it->is_array()) {
      *err = "`ports` must be a list of numbers";
      return false;
    }
    for (const json& p : *it) {
      if (!p.is_number_integer() || p.get<int>() <= 0 || p.get<int>() > 65535) {
        *err = "`ports` must be a list of port numbers";
        return false;
      }
      img->ports.push_back(p.get<int>());
    }
  }
  if (auto it = o.find("healthcheck"); it != o.end() && !it->is_null()) {
    KnownHealthcheck h;
    if (!ParseHealthcheck(*it, &h, err)) return false;
    img->healthcheck = std::move(h);
  }
  const std::pair<const char*, const std::vector<std::string>*> kPaths[] = {
      {"writable_paths", img->writable_paths ? &*img->writable_paths : nullptr}, {"data_paths", &img->data_paths},
      {"image_volumes", &img->image_volumes}, {"config_paths", &img->config_paths}};
  for (const auto& [key, paths] : kPaths)
    for (const std::string& p : paths ? *paths : std::vector<std::string>())
      if (p.empty() || p[0] != '/') {
        *err = std::string("`") + key + "` must be absolute";
        return false;
      }
  return true;
}

bool IsDockerHub(std::string_view host) {
  return host == "docker.io" || host == "index.docker.io" || host == "registry-1.docker.io" ||
         host == "registry.hub.docker.com";
}

}  // namespace

bool GlobMatch(std::string_view pattern, std::string_view text) {
  // Most table patterns are plain repository names: compare them without compiling a glob (this
  // runs for every service on every keystroke in the language server).
  if (pattern.find_first_of("*?[\\") == std::string_view::npos) return pattern == text;
  return patterns::GlobMatch(pattern, text);
}

ImageRef ParseImageRef(std::string_view ref) {
  ImageRef r;
  std::string_view s = ref;
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  if (size_t at = s.find('@'); at != std::string_view::npos) {
    r.digest = std::string(s.substr(at + 1));
    s = s.substr(0, at);
  }
  // A tag is after the last ':' that follows the last '/' (a ':' before it is a registry port).
  const size_t slash = s.rfind('/');
  const size_t colon = s.rfind(':');
  if (colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash)) {
    r.tag = std::string(s.substr(colon + 1));
    s = s.substr(0, colon);
  }
  // The first component is a registry if it has a '.' or ':' or is `localhost`.
  const size_t first = s.find('/');
  if (first != std::string_view::npos) {
    std::string_view host = s.substr(0, first);
    if (host.find('.') != std::string_view::npos || host.find(':') != std::string_view::npos ||
        host == "localhost") {
      r.registry = Lower(host);
      s = s.substr(first + 1);
    }
  }
  if (IsDockerHub(r.registry)) r.registry.clear();
  r.repository = std::string(s);
  if (r.registry.empty() && r.repository.rfind("library/", 0) == 0) r.repository.erase(0, 8);
  return r;
}

std::optional<int> TagMajor(std::string_view tag) {
  if (!tag.empty() && (tag[0] == 'v' || tag[0] == 'V')) tag.remove_prefix(1);
  int n = 0;
  size_t i = 0;
  while (i < tag.size() && i < 6 && std::isdigit(static_cast<unsigned char>(tag[i])))
    n = n * 10 + (tag[i++] - '0');
  if (i == 0) return std::nullopt;
  return n;
}

Result<KnownImages> KnownImages::Parse(std::string_view text) {
  json doc = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object())
    return Error{ErrorCode::kParse, "known-images: not a JSON object", "known-images.json"};
  KnownImages out;
  auto classes = doc.find("classes");
  if (classes == doc.end() || !classes->is_object())
    return Error{ErrorCode::kParse, "known-images: `classes` must be an object", "known-images.json"};
  for (auto it = classes->begin(); it != classes->end(); ++it) {
    ImageClass c;
    c.name = it.key();
    std::string err;
    if (!it->is_object() || !GetString(*it, "cpus", &c.cpus, &err) ||
        !GetString(*it, "memory", &c.memory, &err) ||
        !GetString(*it, "reservation_cpus", &c.reservation_cpus, &err) ||
        !GetString(*it, "reservation_memory", &c.reservation_memory, &err) ||
        !GetBool(*it, "private", &c.private_ports, &err) || c.cpus.empty() || c.memory.empty())
      return Error{ErrorCode::kParse, "known-images: class `" + c.name + "`: " +
                                          (err.empty() ? "needs cpus and memory" : err),
                   "known-images.json"};
    out.classes_.push_back(std::move(c));
  }
  auto images = doc.find("images");
  if (images == doc.end() || !images->is_array())
    return Error{ErrorCode::kParse, "known-images: `images` must be a list", "known-images.json"};
  size_t index = 0;
  for (const json& e : *images) {
    KnownImage img;
    std::string err;
    if (!ParseImage(e, &img, &err))
      return Error{ErrorCode::kParse,
                   "known-images: entry " + std::to_string(index) +
                       (img.name.empty() ? "" : " (`" + img.name + "`)") + ": " + err,
                   "known-images.json"};
    if (!out.Class(img.image_class))
      return Error{ErrorCode::kParse,
                   "known-images: entry `" + img.name + "`: unknown class `" + img.image_class + "`",
                   "known-images.json"};
    out.images_.push_back(std::move(img));
    ++index;
  }
  if (const ImageClass* d = out.Class("default")) out.fallback_ = *d;
  else out.fallback_ = {"default", "1", "1G", "0.25", "256M", false};
  return out;
}

const KnownImages& KnownImages::Get() {
  static const KnownImages* kTable = [] {
    Result<KnownImages> r = Parse(EmbeddedFile("known-images.json"));
    return r.ok() ? new KnownImages(std::move(r.value())) : new KnownImages();
  }();
  return *kTable;
}

const KnownImage* KnownImages::Match(std::string_view image) const {
  const ImageRef ref = ParseImageRef(image);
  if (ref.repository.empty()) return nullptr;
  const std::string full = Lower(ref.FullName());
  // Rules ask for the same few images many times per file (every service, for each rule), and on
  // every keystroke in the language server: remember each answer per thread and table.
  // Only the built-in table (alive for the whole process) is memoized: a table parsed in a test
  // may be freed and another allocated at its address.
  thread_local std::unordered_map<std::string, const KnownImage*> memo;
  const bool memoize = this == &Get();
  if (memo.size() > 4096) memo.clear();
  if (memoize)
    if (auto it = memo.find(full); it != memo.end()) return it->second;
  const KnownImage* found = nullptr;
  for (const KnownImage& img : images_) {
    for (const std::string& p : img.patterns)
      if (GlobMatch(p, full)) {
        found = &img;
        break;
      }
    if (found) break;
  }
  if (memoize) memo.emplace(full, found);
  return found;
}

const ImageClass* KnownImages::Class(std::string_view name) const {
  for (const ImageClass& c : classes_)
    if (c.name == name) return &c;
  return nullptr;
}

const ImageClass& KnownImages::ClassOf(const KnownImage* img) const {
  if (img)
    if (const ImageClass* c = Class(img->image_class)) return *c;
  return fallback_;
}

}  // namespace shipshape::compose
