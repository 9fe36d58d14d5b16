#include "rules/compose/compose_util.h"
#include "rules/compose/build_facts_util.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <cmath>

#include "core/workspace.h"
#include "envfile/envfile.h"
#include "rules/context/dockerignore_match.h"

namespace shipshape::crules {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool LooksLikeConfigFile(std::string_view name) {
  const std::string l = Lower(name);
  if (l == "acme.json") return false;  // Traefik writes its certificates there
  for (std::string_view n : {"caddyfile", "corefile", ".htpasswd", "htpasswd", "nginx.conf", "my.cnf"})
    if (l == n) return true;
  const size_t dot = l.rfind('.');
  if (dot == std::string::npos || dot == 0) return false;
  const std::string_view ext = std::string_view(l).substr(dot + 1);
  for (std::string_view e : {"conf", "cfg", "cnf", "ini", "yml", "yaml", "toml", "json", "xml", "properties",
                             "pem", "crt", "cert", "key", "rules", "lua", "vcl"})
    if (ext == e) return true;
  return false;
}

std::optional<bool> ScalarBool(const yaml::Node* n) {
  if (!n || !n->IsScalar()) return std::nullopt;
  const std::string l = Lower(n->value);
  if (l == "true" || l == "yes" || l == "on" || l == "y") return true;
  if (l == "false" || l == "no" || l == "off" || l == "n") return false;
  return std::nullopt;
}

namespace {

std::string BaseName(std::string_view path) {
  size_t slash = path.find_last_of("/\\");
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

// True if `word` occurs in `name` delimited by non-letters (so `ci` does not match `specific`).
bool HasWord(std::string_view name, std::string_view word) {
  size_t p = 0;
  while ((p = name.find(word, p)) != std::string_view::npos) {
    const bool left = p == 0 || !std::isalpha(static_cast<unsigned char>(name[p - 1]));
    const size_t e = p + word.size();
    const bool right = e >= name.size() || !std::isalpha(static_cast<unsigned char>(name[e]));
    if (left && right) return true;
    p = e;
  }
  return false;
}

}  // namespace

bool IsOverrideFile(std::string_view path) {
  return Lower(BaseName(path)).find(".override.") != std::string::npos;
}

bool IsDevFile(std::string_view path) {
  const std::string b = Lower(BaseName(path));
  if (b.find(".override.") != std::string::npos) return true;
  for (std::string_view w : {"dev", "development", "test", "tests", "testing", "e2e", "local", "debug",
                             "ci", "example", "examples", "sample", "demo", "devcontainer"})
    if (HasWord(b, w)) return true;
  return false;
}

const Service* ExtendsBase(const ComposeFile& f, const Service& s) {
  if (!s.extends || s.extends->file.present() || !s.extends->service.known) return nullptr;
  const Service* base = f.FindService(s.extends->service.text);
  return base == &s ? nullptr : base;
}

bool ExtendsOtherFile(const ComposeFile& f, const Service& s) {
  const Service* cur = &s;
  for (int depth = 0; cur && depth < 16; ++depth) {
    if (cur->extends && (cur->extends->file.present() || !cur->extends->service.known ||
                         !f.FindService(cur->extends->service.text)))
      return true;
    cur = ExtendsBase(f, *cur);
  }
  return false;
}

const Service* CompanionService(const ComposeFile& f, std::string_view name) {
  if (f.base_file) return f.base_file->FindService(name);
  if (f.override_file) return f.override_file->FindService(name);
  return nullptr;
}

bool CannotJudgeMissing(const ComposeFile& f, const Service& s, std::string_view path,
                        std::initializer_list<std::string_view> keys) {
  if (IsOverrideFile(path)) {
    // The base file judges the merged service; a service new in the override is judged here.
    if (!f.base_file || f.base_file->FindService(s.name)) return true;
  } else if (const Service* o = f.override_file ? f.override_file->FindService(s.name) : nullptr) {
    for (std::string_view k : keys)
      if (o->Find(k)) return true;
  }
  if (!s.node || !s.node->IsMapping()) return true;
  if (ExtendsOtherFile(f, s)) return true;
  const bool complete = InChain(f, s, [](const Service& x) { return x.image.present() || x.build.has_value(); });
  return !complete;
}

const compose::Value& ImageOf(const ComposeFile& f, const Service& s) {
  static const compose::Value kNone;
  const Service* cur = &s;
  for (int depth = 0; cur && depth < 16; ++depth) {
    if (cur->image.present()) return cur->image;
    cur = ExtendsBase(f, *cur);
  }
  return kNone;
}

bool IsBuilt(const ComposeFile& f, const Service& s) {
  return InChain(f, s, [](const Service& x) { return x.build.has_value(); });
}

const compose::KnownImage* KnownImageOf(const ComposeFile& f, const Service& s) {
  const compose::Value& img = ImageOf(f, s);
  if (!img.present() || img.text.empty()) return nullptr;
  if (IsBuilt(f, s)) return nullptr;  // `image:` names what is built, not a known upstream image
  if (img.known) return compose::KnownImages::Get().Match(img.text);  // `${V:-8.0}`: by its default
  // `mysql:${MYSQL_VERSION}` with the variable unset: the repository is written out, only the tag
  // is unknown (KnownHealthcheckFix then treats the tag as unknown, not as `latest`).
  const compose::ImageRef ref = compose::ParseImageRef(img.raw);
  if (ref.tag.find('$') == std::string::npos || ref.FullName().find('$') != std::string::npos) return nullptr;
  return compose::KnownImages::Get().Match(ref.FullName());
}

bool IsOneShot(const ComposeFile& f, const Service& s) {
  return compose::ClassifyService(f, s).role == compose::ServiceRole::kOneShot;
}

compose::FileRoleInfo FileRoleOf(const ComposeFile& f, const RuleContext& ctx) {
  return compose::ClassifyFile(f, ctx.file().path);
}

bool SkipProductionOnly(const ComposeFile& f, const Service& s, const RuleContext& ctx, bool sidecars) {
  const compose::ServiceRole role = compose::ClassifyService(f, s).role;
  if (role == compose::ServiceRole::kOneShot || (sidecars && role == compose::ServiceRole::kSidecar)) return true;
  return compose::IsTestPath(ctx.file().path);
}

void LowerInTestFile(const RuleContext& ctx, DiagnosticBuilder& b) {
  if (!compose::IsTestPath(ctx.file().path)) return;
  Diagnostic& d = b.diagnostic();
  if (d.severity > Severity::kInfo) d.severity = Severity::kInfo;
  d.message += " [assumed a test/CI file from its path `" + ctx.file().path + "`: a throwaway stack, so info only]";
}

bool CanRunTogether(const Service& a, const Service& b) {
  if (a.profiles.empty() || b.profiles.empty()) return true;
  for (const compose::Value& x : a.profiles)
    for (const compose::Value& y : b.profiles)
      if (!x.known || !y.known || x.text == y.text || x.text == "*" || y.text == "*") return true;
  return false;
}

bool OwnsMapping(const ComposeFile& f, const Service& s) {
  if (!s.node || !s.node->IsMapping() || s.source != 0 || s.node->source != 0) return false;
  const std::string_view t = f.text;
  if (s.node->range.start < s.name_range.end || s.node->range.start > t.size()) return false;
  // Between the name and the mapping: `:`, whitespace, comments, an anchor or a tag only.
  std::string_view between = t.substr(s.name_range.end, s.node->range.start - s.name_range.end);
  bool colon = false, in_comment = false;
  for (size_t i = 0; i < between.size(); ++i) {
    const char c = between[i];
    if (in_comment) {
      if (c == '\n') in_comment = false;
      continue;
    }
    if (c == '#') in_comment = true;
    else if (c == ':' && !colon) colon = true;
    else if (c == '*') return false;  // an alias
    else if (c == '&' || c == '!') {
      while (i + 1 < between.size() && between[i + 1] != ' ' && between[i + 1] != '\n') ++i;
    } else if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '"' && c != '\'') {
      return false;
    }
  }
  return colon;
}

std::vector<std::string> UsersOf(const ComposeFile& f, const Service* owner, TextRange range) {
  std::vector<std::string> out = f.ServicesUsing(range, 0);
  if (owner) {
    // Services extending the owner (directly or through a chain) in this file.
    for (const Service& s : f.services) {
      if (&s == owner) continue;
      const Service* cur = ExtendsBase(f, s);
      for (int depth = 0; cur && depth < 16; ++depth, cur = ExtendsBase(f, *cur))
        if (cur == owner) {
          out.push_back(s.name);
          break;
        }
    }
  }
  if (owner) out.erase(std::remove(out.begin(), out.end(), owner->name), out.end());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::string> UsersOf(const ComposeFile& f, const Service* owner, const compose::Value& v) {
  return UsersOf(f, owner, v.range);
}

std::optional<DiagnosticBuilder> OncePerRange::Report(RuleContext& ctx, const ComposeFile& f,
                                                      const Service* owner, TextRange range,
                                                      std::string message) {
  if (!seen_.insert({range.start, range.end}).second) return std::nullopt;
  if (range.end > ctx.source().size()) return std::nullopt;
  // A value written outside the owner's own mapping (an anchor, an x- block) names its owner too.
  const bool outside = owner && !owner->range.Contains(range);
  std::vector<std::string> users = UsersOf(f, outside ? nullptr : owner, range);
  if (outside && std::find(users.begin(), users.end(), owner->name) == users.end()) users.push_back(owner->name);
  std::sort(users.begin(), users.end());
  if (outside && !users.empty()) {
    message += " (in a shared definition used by ";
    for (size_t i = 0; i < users.size(); ++i) message += (i ? ", " : "") + users[i];
    message += ")";
  }
  DiagnosticBuilder b = ctx.Report(range, std::move(message));
  for (const std::string& u : users) b.Related("service " + u);
  return b;
}

// Splits a short port spec at colons outside `${...}` (raw, before interpolation).
std::vector<std::string_view> SplitRawPort(std::string_view s) {
  std::vector<std::string_view> parts;
  int depth = 0;
  size_t start = 0;
  if (size_t slash = s.rfind('/'); slash != std::string_view::npos && s.find('}', slash) == std::string_view::npos)
    s = s.substr(0, slash);
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '$' && i + 1 < s.size() && s[i + 1] == '{') {
      ++depth;
      ++i;
    } else if (s[i] == '}' && depth > 0) {
      --depth;
    } else if (s[i] == '[' && depth == 0) {
      // Bracketed IPv6 host: up to the closing bracket.
      size_t close = s.find(']', i);
      if (close != std::string_view::npos) i = close;
    } else if (s[i] == ':' && depth == 0) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  parts.push_back(s.substr(start));
  return parts;
}

namespace {

HostBinding ClassifyIp(std::string_view ip) {
  if (!ip.empty() && ip.front() == '[' && ip.back() == ']') ip = ip.substr(1, ip.size() - 2);
  if (ip.empty()) return HostBinding::kAllImplicit;
  if (ip == "0.0.0.0" || ip == "::" || ip == "0:0:0:0:0:0:0:0") return HostBinding::kAllExplicit;
  if (ip.rfind("127.", 0) == 0 || ip == "::1" || ip == "localhost") return HostBinding::kLoopback;
  return HostBinding::kSpecific;
}

}  // namespace

HostBinding BindingOf(const compose::Port& p) {
  if (p.long_syntax) {
    if (!p.host_ip.present()) return HostBinding::kAllImplicit;
    if (!p.host_ip.known) return HostBinding::kUnknown;
    return ClassifyIp(p.host_ip.text);
  }
  const compose::Value& v = p.target;  // short syntax: every part shares the whole scalar
  if (!v.present()) return HostBinding::kUnknown;
  if (v.known) {
    if (!p.error.empty()) return HostBinding::kUnknown;
    return p.host_ip.present() ? ClassifyIp(p.host_ip.text) : HostBinding::kAllImplicit;
  }
  // Unknown variables somewhere: decide from the raw text when the host-IP part is literal.
  std::vector<std::string_view> parts = SplitRawPort(v.raw);
  if (parts.size() <= 2) return HostBinding::kAllImplicit;
  const std::string_view raw = v.raw;
  std::string_view ip_part = raw.substr(0, static_cast<size_t>(parts[parts.size() - 2].data() - raw.data()) - 1);
  if (ip_part.find('$') != std::string_view::npos) return HostBinding::kUnknown;
  return ClassifyIp(ip_part);
}

int TargetPort(const compose::Port& p) {
  if (!p.target.present()) return 0;
  std::string_view digits = p.target.text;
  if (!p.target.known) {
    // Short syntax shares one value: read the container part from the raw text when literal.
    if (p.long_syntax) return 0;
    std::vector<std::string_view> parts = SplitRawPort(p.target.raw);
    digits = parts.back();
    if (digits.find('$') != std::string_view::npos) return 0;
  }
  int n = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') break;
    n = n * 10 + (c - '0');
    if (n > 65535) return 0;
  }
  return n;
}

std::string NormalizeCap(std::string_view cap) {
  std::string c;
  for (char ch : cap) c += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  if (c.rfind("CAP_", 0) == 0) c.erase(0, 4);
  return c;
}

std::optional<size_t> EntryIndex(const yaml::Node& mapping, std::string_view key) {
  for (size_t i = 0; i < mapping.entries.size(); ++i)
    if (mapping.entries[i].key->IsScalar() && mapping.entries[i].key->value == key) return i;
  return std::nullopt;
}

void CheckHostMode(const ComposeFile& f, RuleContext& ctx, compose::Value Service::*field, std::string_view key,
                   std::string_view why) {
  OncePerRange once;
  for (const Service& s : f.services) {
    const compose::Value& v = s.*field;
    if (!v.present() || v.source != 0 || !v.known || Lower(v.text) != "host") continue;
    once.Report(ctx, f, &s, v.range,
                "service `" + s.name + "` sets `" + std::string(key) + ": host`: " + std::string(why));
  }
}

std::string AbsoluteBindSource(const compose::Mount& m) {
  if (m.type != compose::MountType::kBind || !m.source.present() || !m.known) return {};
  const std::string& src = m.source.text;
  if (src.empty() || src[0] != '/') return {};
  std::string n = NormalizePath(src);
  while (n.size() > 1 && n.back() == '/') n.pop_back();
  return n;
}

std::optional<Edit> MakeMountReadOnly(const ComposeFile& f, const compose::Mount& m) {
  if (!m.node || m.source_file != 0 || m.node->source != 0) return std::nullopt;
  compose::edit::Editor ed = EditorFor(f);
  if (m.long_syntax) {
    if (!m.node->IsMapping()) return std::nullopt;
    if (std::optional<size_t> i = EntryIndex(*m.node, "read_only")) {
      const yaml::Node* v = m.node->entries[*i].value;
      if (m.node->entries[*i].merged_via || !v->IsScalar()) return std::nullopt;
      return ed.ReplaceRaw(*v, "true");
    }
    return ed.InsertEntry(*m.node, "read_only", compose::edit::YamlValue::Raw("true"));
  }
  if (!m.node->IsScalar()) return std::nullopt;
  const std::string& raw = m.node->value;
  std::string opts = m.options;
  std::string next;
  if (opts.empty()) {
    next = raw + ":ro";
  } else {
    // Options are a comma list after the second colon; `rw` cannot be combined with `ro`.
    for (std::string_view o : {"rw", "ro"})
      if (("," + opts + ",").find("," + std::string(o) + ",") != std::string::npos) return std::nullopt;
    if (raw.size() < opts.size() || raw.compare(raw.size() - opts.size(), opts.size(), opts) != 0)
      return std::nullopt;
    next = raw.substr(0, raw.size() - opts.size()) + "ro," + opts;
  }
  return ed.ReplaceScalar(*m.node, next);
}

bool HasSecurityOpt(const ComposeFile& f, const Service& s, std::string_view name, std::string_view value) {
  return InChain(f, s, [&](const Service& x) {
    for (const compose::Value& v : x.security_opt) {
      if (!v.known) continue;
      std::string t = Lower(v.text);
      t.erase(std::remove(t.begin(), t.end(), ' '), t.end());
      if (t == name && value == "true") return true;
      if (t.size() > name.size() + 1 && t.compare(0, name.size(), name) == 0 &&
          (t[name.size()] == ':' || t[name.size()] == '=') && t.substr(name.size() + 1) == value)
        return true;
    }
    return false;
  });
}

Health HealthOf(const ComposeFile& f, const Service& s) {
  const Service* cur = &s;
  for (int depth = 0; cur && depth < 16; ++depth, cur = ExtendsBase(f, *cur)) {
    if (!cur->healthcheck) {
      if (cur->Find("healthcheck")) return Health::kDefined;  // unusual form: assume it works
      continue;
    }
    const compose::Healthcheck& h = *cur->healthcheck;
    if (h.disable) return Health::kDisabled;
    if (!h.test.empty() && h.test[0].known && (h.test[0].text == "NONE")) return Health::kDisabled;
    if (h.test.empty()) continue;  // only timings: the test comes from the base or the image
    return Health::kDefined;
  }
  return Health::kNone;
}

std::optional<bool> ImageHasHealthcheck(const RuleContext& ctx, const ComposeFile& f, const Service& s,
                                        bool* dockerfile_read) {
  if (dockerfile_read) *dockerfile_read = false;
  const Service* built = nullptr;
  InChain(f, s, [&](const Service& x) {
    if (x.build) built = &x;
    return x.build.has_value();
  });
  if (built) {
    const compose::Build& b = *built->build;
    if (b.dockerfile_inline.present()) {
      if (!b.dockerfile_inline.known) return std::nullopt;
      if (dockerfile_read) *dockerfile_read = true;
      return Lower(b.dockerfile_inline.text).find("healthcheck") != std::string::npos;
    }
    const Workspace* ws = ctx.workspace();
    if (!ws || !ws->fs || (b.context.present() && !b.context.known) || (b.dockerfile.present() && !b.dockerfile.known))
      return std::nullopt;
    const std::string context = JoinPath(DirName(ctx.file().path), b.context.present() ? b.context.text : ".");
    auto text = ws->fs->Read(JoinPath(context, b.dockerfile.present() ? b.dockerfile.text : "Dockerfile"), 1 << 20);
    if (!text) return std::nullopt;
    if (dockerfile_read) *dockerfile_read = true;
    // Any HEALTHCHECK instruction (a base image's is invisible, so only a positive is certain;
    // a FROM of another local stage or image may still bring one: treat "none here" as unknown
    // unless the Dockerfile starts FROM a known image).
    size_t p = 0;
    bool from_known = false;
    const compose::KnownImage* base = nullptr;
    bool disabled = false;  // HEALTHCHECK NONE in the last stage
    while (p < text->size()) {
      size_t e = text->find('\n', p);
      if (e == std::string::npos) e = text->size();
      std::string line = Lower(std::string_view(*text).substr(p, e - p));
      size_t i = line.find_first_not_of(" \t");
      if (i != std::string::npos) {
        if (line.compare(i, 11, "healthcheck") == 0) {
          if (line.find("none", i + 11) == std::string::npos) return true;
          disabled = true;
        }
        if (line.compare(i, 5, "from ") == 0) {
          // FROM [--platform=...] image [AS name]
          std::string_view rest = std::string_view(line).substr(i + 5);
          std::string_view img;
          while (!rest.empty()) {
            const size_t b = rest.find_first_not_of(" \t");
            if (b == std::string_view::npos) break;
            rest = rest.substr(b);
            const size_t e = rest.find_first_of(" \t");
            std::string_view word = rest.substr(0, e);
            rest = e == std::string_view::npos ? std::string_view() : rest.substr(e);
            if (word.rfind("--", 0) == 0) continue;
            img = word;
            break;
          }
          from_known = !img.empty() && (base = compose::KnownImages::Get().Match(img)) != nullptr;
          disabled = false;
        }
      }
      p = e + 1;
    }
    if (from_known) return base->image_healthcheck && !disabled;  // a HEALTHCHECK is inherited
    return std::nullopt;
  }
  if (const compose::KnownImage* img = KnownImageOf(f, s)) return img->image_healthcheck;
  return std::nullopt;
}

std::optional<Edit> InsertHealthcheck(const ComposeFile& f, const Service& s, const compose::KnownHealthcheck& h) {
  using compose::edit::YamlValue;
  if (s.Find("healthcheck")) return std::nullopt;
  std::vector<YamlValue> test;
  for (const std::string& t : h.test) test.push_back(YamlValue::Quoted(t));
  std::vector<std::pair<std::string, YamlValue>> hc = {{"test", YamlValue::Seq(test, /*flow=*/true)}};
  if (!h.interval.empty()) hc.push_back({"interval", YamlValue::Str(h.interval)});
  if (!h.timeout.empty()) hc.push_back({"timeout", YamlValue::Str(h.timeout)});
  hc.push_back({"retries", YamlValue::Raw(std::to_string(h.retries))});
  if (!h.start_period.empty()) hc.push_back({"start_period", YamlValue::Str(h.start_period)});
  return InsertIntoService(f, s, {{"healthcheck", YamlValue::Map(std::move(hc))}});
}

std::optional<Fix> KnownHealthcheckFix(const ComposeFile& f, const Service& s) {
  const compose::KnownImage* img = KnownImageOf(f, s);
  if (!img || !img->healthcheck) return std::nullopt;
  const compose::KnownHealthcheck& h = *img->healthcheck;
  std::optional<Edit> e = InsertHealthcheck(f, s, h);
  if (!e) return std::nullopt;
  bool safe = h.safe;
  if (safe && h.safe_from_major > 0 && !ImageOf(f, s).known) safe = false;  // tag unknown
  if (safe && h.safe_from_major > 0) {
    const compose::ImageRef ref = compose::ParseImageRef(ImageOf(f, s).text);
    std::optional<int> major = compose::TagMajor(ref.tag);
    const bool latest = ref.tag.empty() || Lower(ref.tag) == "latest";
    safe = latest || (major && *major >= h.safe_from_major);
  }
  Fix fix;
  fix.title = "Add the " + img->name + " healthcheck (`" + h.test.back() + "`)";
  fix.applicability = safe ? Applicability::kSafe : Applicability::kUnsafe;
  fix.edits = {*e};
  return fix;
}

namespace {

bool WellKnownDbPort(int p) {
  static const int kPorts[] = {5432, 3306, 33060, 27017, 27018, 6379, 6380, 11211, 9200, 9300, 5984, 9042,
                               8086, 1433, 1521, 7687, 26257, 28015, 8529, 5672, 15672, 2375, 2376, 2379};
  for (int k : kPorts)
    if (k == p) return true;
  return false;
}

}  // namespace

bool IsDatastore(const ComposeFile& f, const Service& s) {
  if (const compose::KnownImage* img = KnownImageOf(f, s))
    return compose::KnownImages::Get().ClassOf(img).private_ports;
  for (const compose::Port& p : s.ports)
    if (WellKnownDbPort(TargetPort(p))) return true;
  for (const compose::Value& e : s.expose)
    if (e.known && WellKnownDbPort(std::atoi(e.text.c_str()))) return true;
  return false;
}

bool IsDatastorePort(const ComposeFile& f, const Service& s, int port) {
  if (port <= 0) return false;
  if (const compose::KnownImage* img = KnownImageOf(f, s)) {
    const bool private_ports = compose::KnownImages::Get().ClassOf(img).private_ports;
    for (int p : img->ports)
      if (p == port) return private_ports;
    // Another well-known database port of a web or monitoring image: an embedded database
    // (uptime-kuma 2 runs MariaDB on 3306).
  }
  return WellKnownDbPort(port);
}

bool HasAnchorsOrAliases(const yaml::Node& root) {
  std::vector<const yaml::Node*> stack{&root};
  size_t visited = 0;
  while (!stack.empty() && visited < 100000) {
    const yaml::Node* n = stack.back();
    stack.pop_back();
    ++visited;
    if (!n->anchor.empty() || !n->merge_ranges.empty()) return true;
    for (const yaml::Entry& e : n->entries) {
      if (e.value_is_alias || e.merged_via) return true;
      stack.push_back(e.key);
      stack.push_back(e.value);
    }
    for (const yaml::Item& it : n->items) {
      if (it.is_alias) return true;
      stack.push_back(it.node);
    }
  }
  return visited >= 100000;
}

void ReportOrder(RuleContext& ctx, const ComposeFile& f, const yaml::Node& coll, const std::vector<int>& rank,
                 const std::vector<TextRange>& ranges, const std::vector<std::string>& names, std::string_view what) {
  const size_t n = rank.size();
  size_t bad = n;
  size_t before = 0;
  for (size_t i = 1; i < n && bad == n; ++i) {
    int max_rank = rank[0];
    size_t max_at = 0;
    for (size_t j = 0; j < i; ++j)
      if (rank[j] > max_rank) {
        max_rank = rank[j];
        max_at = j;
      }
    if (rank[i] < max_rank) {
      bad = i;
      before = max_at;
    }
  }
  if (bad == n) return;
  DiagnosticBuilder b = ctx.Report(ranges[bad], std::string(what) + ": `" + names[bad] + "` should come before `" +
                                                    names[before] + "`");
  if (HasAnchorsOrAliases(coll)) return;
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t c) { return rank[a] < rank[c]; });
  if (std::optional<Edit> e = EditorFor(f).Reorder(coll, order))
    b.WithFix("Reorder " + std::string(what), Applicability::kSafe, {*e});
}

compose::edit::Editor EditorFor(const ComposeFile& f) { return compose::edit::Editor(f.text, f.root); }

std::optional<Edit> InsertIntoService(const ComposeFile& f, const Service& s,
                                      const std::vector<std::pair<std::string, compose::edit::YamlValue>>& entries) {
  if (!OwnsMapping(f, s)) return std::nullopt;
  return EditorFor(f).InsertEntries(*s.node, entries);
}

std::optional<double> ParseBytes(std::string_view s) {
  std::string t = Lower(s);
  while (!t.empty() && t.back() == ' ') t.pop_back();
  size_t i = 0;
  while (i < t.size() && (std::isdigit(static_cast<unsigned char>(t[i])) || t[i] == '.')) ++i;
  if (i == 0) return std::nullopt;
  double n = 0;
  auto [end, ec] = std::from_chars(t.data(), t.data() + i, n);
  if (ec != std::errc() || end != t.data() + i) return std::nullopt;
  std::string unit = t.substr(i);
  if (!unit.empty() && unit.back() == 'b' && unit.size() > 1) unit.pop_back();  // "mb" -> "m"
  double mul = 1;
  if (unit.empty() || unit == "b") mul = 1;
  else if (unit == "k") mul = 1024;
  else if (unit == "m") mul = 1024.0 * 1024;
  else if (unit == "g") mul = 1024.0 * 1024 * 1024;
  else if (unit == "t") mul = 1024.0 * 1024 * 1024 * 1024;
  else return std::nullopt;
  return n * mul;
}

std::vector<std::pair<std::string, std::string>> DotEnvEntries(const RuleContext& ctx) {
  std::vector<std::pair<std::string, std::string>> out;
  const Workspace* ws = ctx.workspace();
  if (!ws || !ws->fs) return out;
  auto text = ws->fs->Read(JoinPath(DirName(ctx.file().path), ".env"), 1 << 20);
  if (!text) return out;
  envfile::EnvFile env = envfile::Parse(*text, {});
  for (const envfile::Entry& e : env.entries)
    if (e.value) out.emplace_back(e.key, *e.value);
  return out;
}

std::optional<std::string> InsideRoot(const RuleContext& ctx, std::string_view rel_path) {
  const Workspace* ws = ctx.workspace();
  if (!ws) return std::nullopt;
  const std::string path = JoinPath(DirName(ctx.file().path), rel_path);
  const std::string root = NormalizePath(ws->root.empty() ? "." : ws->root);
  if (root == ".") {
    if (path == ".." || path.rfind("../", 0) == 0 || path[0] == '/') return std::nullopt;
    return path;
  }
  if (path.compare(0, root.size() + 1, root + "/") != 0) return std::nullopt;
  return path;
}

std::optional<bool> GitIgnored(const RuleContext& ctx, std::string_view rel_path) {
  const Workspace* ws = ctx.workspace();
  if (!ws || !ws->fs) return std::nullopt;
  std::optional<std::string> path = InsideRoot(ctx, rel_path);
  if (!path) return std::nullopt;
  const std::string root = NormalizePath(ws->root.empty() ? "." : ws->root);
  // The file's directory and its parents up to the repository top (the directory holding
  // `.git`) or the scan root; git's rules: shallow to deep, the last decision wins.
  std::vector<std::string> dirs;
  std::string d = DirName(*path);
  for (int depth = 0; depth < 64; ++depth) {
    dirs.push_back(d);
    if (d == root || ws->fs->Exists(JoinPath(d, ".git"))) break;
    const std::string up = DirName(d);
    if (up == d) break;
    d = up;
  }
  int decision = 0;
  for (auto it = dirs.rbegin(); it != dirs.rend(); ++it) {
    auto gi = ws->fs->Read(JoinPath(*it, ".gitignore"), 1 << 20);
    if (!gi) continue;
    const std::string rel = *it == "." ? *path : path->substr(it->size() + 1);
    const int here = dockerignore::GitignoreMatcher(*gi).Decide(rel, false);
    if (here != 0) decision = here;
  }
  return decision > 0;
}

}  // namespace shipshape::crules
