#include "compose/compose.h"

#include <algorithm>
#include <charconv>
#include <cctype>
#include <map>
#include <set>

namespace shipshape::compose {
namespace {

using yaml::Entry;
using yaml::Node;

bool IsDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// A port or port range: "80" or "8000-8010".
bool IsPortOrRange(std::string_view s) {
  size_t dash = s.find('-');
  if (dash == std::string_view::npos) return IsDigits(s);
  return IsDigits(s.substr(0, dash)) && IsDigits(s.substr(dash + 1));
}

std::string ScalarText(const Node* n) { return n && n->IsScalar() ? n->value : std::string(); }

class ModelBuilder {
 public:
  ModelBuilder(ComposeFile* f, const LoadOptions& o) : f_(f), o_(o) {}

  Value MakeValue(const Node* n, bool from_anchor) {
    Value v;
    if (!n) return v;
    v.node = n;
    v.range = n->range;
    v.source = n->source;
    v.from_anchor = from_anchor;
    if (!n->IsScalar()) return v;
    v.raw = n->value;
    if (!MayNeedInterpolation(n->value)) {
      v.text = n->value;
      return v;
    }
    Interpolated r = Interpolate(n->value, o_.lookup);
    v.text = std::move(r.value);
    v.known = r.known;
    v.unknown = std::move(r.unknown);
    for (const InterpolationError& e : r.errors) {
      if (e.kind == InterpolationError::Kind::kInvalidTemplate)
        f_->problems.push_back({Problem::Kind::kError, e.message, n->range, n->source});
    }
    return v;
  }
  Value Get(const Node* m, std::string_view key, bool anchor) {
    if (!m || !m->IsMapping()) return {};
    const Entry* e = m->Find(key);
    if (!e || e->value->IsNull()) return {};
    return MakeValue(e->value, anchor || e->value_is_alias || e->merged_via.has_value());
  }
  static bool Via(const Entry& e, bool anchor) { return anchor || e.value_is_alias || e.merged_via.has_value(); }

  void Error(const Node* n, std::string msg) {
    f_->problems.push_back({Problem::Kind::kError, std::move(msg), n ? n->range : TextRange{}, n ? n->source : uint16_t{0}});
  }

  // String or list of strings -> values.
  std::vector<Value> StringOrList(const Node* n, bool anchor) {
    std::vector<Value> out;
    if (!n || n->IsNull()) return out;
    if (n->IsScalar()) {
      out.push_back(MakeValue(n, anchor));
    } else if (n->IsSequence()) {
      for (const yaml::Item& it : n->items)
        if (it.node->IsScalar()) out.push_back(MakeValue(it.node, anchor || it.is_alias));
    }
    return out;
  }

  // Map or KEY=VAL list -> key/values.
  std::vector<KeyValue> KeyValues(const Node* n, bool anchor) {
    std::vector<KeyValue> out;
    if (!n || n->IsNull()) return out;
    if (n->IsMapping()) {
      for (const Entry& e : n->entries) {
        KeyValue kv;
        kv.key = ScalarText(e.key);
        kv.key_range = e.key->range;
        kv.source = e.key->source;
        kv.range = TextRange::Cover(e.key->range, e.value->range);
        if (!e.value->IsNull()) kv.value = MakeValue(e.value, Via(e, anchor));
        out.push_back(std::move(kv));
      }
    } else if (n->IsSequence()) {
      for (const yaml::Item& it : n->items) {
        if (!it.node->IsScalar()) continue;
        KeyValue kv;
        const std::string& s = it.node->value;
        kv.range = it.node->range;
        kv.source = it.node->source;
        size_t eq = s.find('=');
        kv.key = s.substr(0, eq);
        // The key's bytes: exact for plain/quoted single-line scalars.
        uint32_t kstart = it.node->range.start + (it.node->style == yaml::ScalarStyle::kPlain ? 0 : 1);
        kv.key_range = {kstart, std::min<uint32_t>(kstart + static_cast<uint32_t>(kv.key.size()), it.node->range.end)};
        if (eq != std::string::npos) {
          Value v = MakeValue(it.node, anchor || it.is_alias);
          Interpolated r = Interpolate(std::string_view(s).substr(eq + 1), o_.lookup);
          v.raw = s.substr(eq + 1);
          v.text = std::move(r.value);
          v.known = r.known;
          v.unknown = std::move(r.unknown);
          v.range = {std::min(kv.key_range.end + 1, it.node->range.end),
                     it.node->range.end - (it.node->style == yaml::ScalarStyle::kPlain ? 0 : 1)};
          if (v.range.end < v.range.start) v.range.end = v.range.start;
          kv.value = std::move(v);
        }
        out.push_back(std::move(kv));
      }
    }
    return out;
  }

  void BuildPorts(const Node* n, bool anchor, Service* s) {
    if (!n || !n->IsSequence()) return;
    for (const yaml::Item& it : n->items) {
      Port p;
      p.node = it.node;
      p.range = it.node->range;
      p.source = it.node->source;
      const bool a = anchor || it.is_alias;
      if (it.node->IsMapping()) {
        p.long_syntax = true;
        p.target = Get(it.node, "target", a);
        p.published = Get(it.node, "published", a);
        p.host_ip = Get(it.node, "host_ip", a);
        Value proto = Get(it.node, "protocol", a);
        if (proto) p.protocol = proto.text;
        Value mode = Get(it.node, "mode", a);
        if (mode) p.mode = mode.text;
        p.known = p.target.known && p.published.known && p.host_ip.known && proto.known;
      } else if (it.node->IsScalar()) {
        Value whole = MakeValue(it.node, a);
        p.known = whole.known;
        std::string ip, pub, tgt, proto;
        if (!ParsePortSpec(whole.text, &ip, &pub, &tgt, &proto, &p.error)) {
          if (whole.known) Error(it.node, "invalid port `" + whole.text + "`: " + p.error);
        }
        auto part = [&](const std::string& t) {
          Value v = whole;
          v.text = t;
          return v;
        };
        if (!ip.empty()) p.host_ip = part(ip);
        if (!pub.empty()) p.published = part(pub);
        p.target = part(tgt);
        p.protocol = proto.empty() ? "tcp" : proto;
      }
      s->ports.push_back(std::move(p));
    }
  }

  void BuildVolumes(const Node* n, bool anchor, Service* s) {
    if (!n || !n->IsSequence()) return;
    for (const yaml::Item& it : n->items) {
      Mount m;
      m.node = it.node;
      m.range = it.node->range;
      m.source_file = it.node->source;
      const bool a = anchor || it.is_alias;
      if (it.node->IsMapping()) {
        m.long_syntax = true;
        Value type = Get(it.node, "type", a);
        m.source = Get(it.node, "source", a);
        m.target = Get(it.node, "target", a);
        Value ro = Get(it.node, "read_only", a);
        m.read_only = ro.AsBool().value_or(false);
        const std::string t = type.text;
        m.type = t == "bind" ? MountType::kBind : t == "volume" ? MountType::kVolume : t == "tmpfs" ? MountType::kTmpfs
               : t == "image" ? MountType::kImage : t == "npipe" ? MountType::kNpipe : t == "cluster" ? MountType::kCluster
               : type ? MountType::kUnknown : MountType::kVolume;
        m.known = type.known && m.source.known && m.target.known;
      } else if (it.node->IsScalar()) {
        Value whole = MakeValue(it.node, a);
        m.known = whole.known;
        std::string src, dst, opts;
        SplitVolumeSpec(whole.text, &src, &dst, &opts);
        auto part = [&](const std::string& t) {
          Value v = whole;
          v.text = t;
          return v;
        };
        if (dst.empty()) {
          m.target = part(src);
          m.type = MountType::kVolume;
        } else {
          m.source = part(src);
          m.target = part(dst);
          m.type = ClassifyVolumeSource(src);
        }
        m.options = opts;
        size_t pos = 0;
        while (pos <= opts.size()) {
          size_t c = opts.find(',', pos);
          std::string_view o = std::string_view(opts).substr(pos, c == std::string::npos ? std::string::npos : c - pos);
          if (o == "ro") m.read_only = true;
          if (c == std::string::npos) break;
          pos = c + 1;
        }
      }
      s->volumes.push_back(std::move(m));
    }
  }

  void BuildDependsOn(const Node* n, bool anchor, Service* s) {
    if (!n) return;
    if (n->IsSequence()) {
      for (const yaml::Item& it : n->items) {
        Dependency d;
        d.service = ScalarText(it.node);
        d.range = it.node->range;
        d.source = it.node->source;
        s->depends_on.push_back(std::move(d));
      }
    } else if (n->IsMapping()) {
      for (const Entry& e : n->entries) {
        Dependency d;
        d.long_syntax = true;
        d.service = ScalarText(e.key);
        d.range = e.key->range;
        d.source = e.key->source;
        Value cond = Get(e.value, "condition", Via(e, anchor));
        if (cond) d.condition = cond.text;
        d.required = Get(e.value, "required", anchor).AsBool().value_or(true);
        d.restart = Get(e.value, "restart", anchor).AsBool().value_or(false);
        s->depends_on.push_back(std::move(d));
      }
    }
  }

  void BuildService(const Entry& se) {
    Service& s = f_->services.emplace_back();  // Filled in place: a Service is large to move.
    s.name = ScalarText(se.key);
    s.name_range = se.key->range;
    s.source = se.key->source;
    s.node = se.value;
    s.range = TextRange::Cover(se.key->range, se.value->range);
    const Node* n = se.value;
    if (!n->IsMapping()) return;
    const bool a0 = se.value_is_alias;
    struct {
      const char* key;
      Value Service::*field;
    } static const kScalars[] = {
        {"image", &Service::image}, {"restart", &Service::restart}, {"user", &Service::user},
        {"container_name", &Service::container_name}, {"network_mode", &Service::network_mode},
        {"pid", &Service::pid}, {"ipc", &Service::ipc}, {"uts", &Service::uts},
        {"userns_mode", &Service::userns_mode}, {"cgroup", &Service::cgroup},
        {"cgroup_parent", &Service::cgroup_parent}, {"privileged", &Service::privileged},
        {"read_only", &Service::read_only}, {"mem_limit", &Service::mem_limit},
        {"memswap_limit", &Service::memswap_limit}, {"mem_reservation", &Service::mem_reservation},
        {"cpus", &Service::cpus}, {"cpu_shares", &Service::cpu_shares}, {"pids_limit", &Service::pids_limit},
        {"init", &Service::init}, {"pull_policy", &Service::pull_policy}, {"platform", &Service::platform},
        {"hostname", &Service::hostname}, {"working_dir", &Service::working_dir},
        {"stop_signal", &Service::stop_signal},
    };
    for (const Entry& e : n->entries) {
      const std::string& k = e.key->value;
      const bool a = Via(e, a0);
      const Node* v = e.value;
      bool done = false;
      for (const auto& sc : kScalars)
        if (k == sc.key) {
          if (!v->IsNull()) s.*sc.field = MakeValue(v, a);
          done = true;
          break;
        }
      if (done) continue;
      if (k == "build") {
        compose::Build b;
        b.node = v;
        b.range = v->range;
        if (v->IsScalar()) {
          b.context = MakeValue(v, a);
        } else if (v->IsMapping()) {
          b.long_syntax = true;
          b.context = Get(v, "context", a);
          b.dockerfile = Get(v, "dockerfile", a);
          b.dockerfile_inline = Get(v, "dockerfile_inline", a);
          b.target = Get(v, "target", a);
          b.args = KeyValues(v->Get("args"), a);
        }
        s.build = std::move(b);
      } else if (k == "ports") {
        BuildPorts(v, a, &s);
      } else if (k == "expose") {
        s.expose = StringOrList(v, a);
      } else if (k == "volumes") {
        BuildVolumes(v, a, &s);
      } else if (k == "environment") {
        s.environment = KeyValues(v, a);
      } else if (k == "labels") {
        s.labels = KeyValues(v, a);
      } else if (k == "env_file") {
        if (v->IsScalar()) {
          s.env_file.push_back(MakeValue(v, a));
          s.env_file_required.push_back(true);
        } else if (v->IsSequence()) {
          for (const yaml::Item& it : v->items) {
            if (it.node->IsScalar()) {
              s.env_file.push_back(MakeValue(it.node, a || it.is_alias));
              s.env_file_required.push_back(true);
            } else if (it.node->IsMapping()) {
              s.env_file.push_back(Get(it.node, "path", a));
              s.env_file_required.push_back(Get(it.node, "required", a).AsBool().value_or(true));
            }
          }
        }
      } else if (k == "depends_on") {
        BuildDependsOn(v, a, &s);
      } else if (k == "healthcheck" && v->IsMapping()) {
        Healthcheck h;
        h.node = v;
        h.range = v->range;
        const Node* t = v->Get("test");
        h.test_is_list = t && t->IsSequence();
        h.test = StringOrList(t, a);
        h.interval = Get(v, "interval", a);
        h.timeout = Get(v, "timeout", a);
        h.retries = Get(v, "retries", a);
        h.start_period = Get(v, "start_period", a);
        h.start_interval = Get(v, "start_interval", a);
        h.disable = Get(v, "disable", a).AsBool().value_or(false);
        s.healthcheck = std::move(h);
      } else if (k == "cap_add") {
        s.cap_add = StringOrList(v, a);
      } else if (k == "cap_drop") {
        s.cap_drop = StringOrList(v, a);
      } else if (k == "security_opt") {
        s.security_opt = StringOrList(v, a);
      } else if (k == "tmpfs") {
        s.tmpfs = StringOrList(v, a);
      } else if (k == "profiles") {
        s.profiles = StringOrList(v, a);
      } else if (k == "dns") {
        s.dns = StringOrList(v, a);
      } else if (k == "devices") {
        s.devices = StringOrList(v, a);
      } else if (k == "command") {
        s.command = StringOrList(v, a);
      } else if (k == "entrypoint") {
        s.entrypoint = StringOrList(v, a);
      } else if (k == "networks" || k == "secrets" || k == "configs") {
        std::vector<Value>& out = k == "networks" ? s.networks : k == "secrets" ? s.secrets : s.configs;
        if (v->IsMapping()) {
          for (const Entry& ne : v->entries) out.push_back(MakeValue(ne.key, a));
        } else if (v->IsSequence()) {
          for (const yaml::Item& it : v->items) {
            if (it.node->IsScalar()) out.push_back(MakeValue(it.node, a || it.is_alias));
            else if (it.node->IsMapping()) out.push_back(Get(it.node, "source", a));
          }
        }
      } else if (k == "extends") {
        Extends x;
        x.range = v->range;
        if (v->IsScalar()) x.service = MakeValue(v, a);
        else {
          x.service = Get(v, "service", a);
          x.file = Get(v, "file", a);
        }
        s.extends = std::move(x);
      } else if (k == "deploy" && v->IsMapping()) {
        s.deploy = v;
        s.replicas = Get(v, "replicas", a);
        if (const Node* res = v->Get("resources")) {
          const Node* lim = res->Get("limits");
          const Node* rsv = res->Get("reservations");
          s.limits_cpus = Get(lim, "cpus", a);
          s.limits_memory = Get(lim, "memory", a);
          s.limits_pids = Get(lim, "pids", a);
          s.reservations_cpus = Get(rsv, "cpus", a);
          s.reservations_memory = Get(rsv, "memory", a);
        }
        if (const Node* rp = v->Get("restart_policy")) {
          s.restart_policy_condition = Get(rp, "condition", a);
          s.restart_policy_max_attempts = Get(rp, "max_attempts", a);
        }
      } else if (k == "logging") {
        s.logging = v;
      }
    }
  }

  void Build() {
    const Node* root = f_->root;
    if (!root) return;
    if (!root->IsMapping()) {
      Error(root, "a compose file must be a mapping at the top level");
      return;
    }
    for (const Entry& e : root->entries) {
      const std::string& k = e.key->value;
      auto named = [&](std::vector<Named>* out) {
        if (!e.value->IsMapping()) return;
        for (const Entry& ne : e.value->entries) {
          if (ne.key->value.rfind("x-", 0) == 0) continue;
          out->push_back({ScalarText(ne.key), ne.key->range, TextRange::Cover(ne.key->range, ne.value->range),
                          ne.key->source, ne.value});
        }
      };
      if (k == "services") {
        if (e.value->IsMapping()) f_->services.reserve(f_->services.size() + e.value->entries.size());
        if (e.value->IsMapping())
          for (const Entry& se : e.value->entries)
            if (se.key->value.rfind("x-", 0) != 0) BuildService(se);
      } else if (k == "volumes") {
        named(&f_->volumes);
      } else if (k == "networks") {
        named(&f_->networks);
      } else if (k == "secrets") {
        named(&f_->secrets);
      } else if (k == "configs") {
        named(&f_->configs);
      } else if (k == "version") {
        f_->version_range = TextRange::Cover(e.key->range, e.value->range);
        f_->version = MakeValue(e.value, false);
      } else if (k == "name") {
        f_->name = MakeValue(e.value, false);
      } else if (k == "include") {
        if (!e.value->IsSequence()) continue;
        for (const yaml::Item& it : e.value->items) {
          Include inc;
          inc.range = it.node->range;
          if (it.node->IsScalar()) {
            inc.paths.push_back(MakeValue(it.node, false));
          } else if (it.node->IsMapping()) {
            inc.paths = StringOrList(it.node->Get("path"), false);
            inc.project_directory = Get(it.node, "project_directory", false);
            inc.env_file = StringOrList(it.node->Get("env_file"), false);
          }
          f_->includes.push_back(std::move(inc));
        }
      } else if (k.rfind("x-", 0) == 0) {
        f_->extensions.push_back({k, e.key->range, TextRange::Cover(e.key->range, e.value->range), e.key->source, e.value});
      }
    }
  }

 private:
  ComposeFile* f_;
  const LoadOptions& o_;
};

}  // namespace

std::string_view MountTypeName(MountType t) {
  switch (t) {
    case MountType::kVolume: return "volume";
    case MountType::kBind: return "bind";
    case MountType::kTmpfs: return "tmpfs";
    case MountType::kImage: return "image";
    case MountType::kNpipe: return "npipe";
    case MountType::kCluster: return "cluster";
    case MountType::kUnknown: break;
  }
  return "unknown";
}

std::optional<bool> Value::AsBool() const {
  if (!node || !known) return std::nullopt;
  const std::string& t = text;
  if (t == "true" || t == "True" || t == "TRUE" || t == "yes" || t == "Yes" || t == "YES" || t == "on" ||
      t == "On" || t == "ON" || t == "y" || t == "Y")
    return true;
  if (t == "false" || t == "False" || t == "FALSE" || t == "no" || t == "No" || t == "NO" || t == "off" ||
      t == "Off" || t == "OFF" || t == "n" || t == "N")
    return false;
  return std::nullopt;
}

std::optional<int64_t> Value::AsInt() const {
  if (!node || !known || text.empty()) return std::nullopt;
  int64_t v = 0;
  std::string_view s = text;
  if (s[0] == '+') s.remove_prefix(1);
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<double> Value::AsDouble() const {
  if (!node || !known || text.empty()) return std::nullopt;
  double v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || p != text.data() + text.size()) return std::nullopt;
  return v;
}

bool ParsePortSpec(std::string_view spec, std::string* host_ip, std::string* published, std::string* target,
                   std::string* protocol, std::string* error) {
  host_ip->clear();
  published->clear();
  target->clear();
  protocol->clear();
  std::string_view s = spec;
  size_t slash = s.rfind('/');
  if (slash != std::string_view::npos) {
    protocol->assign(s.substr(slash + 1));
    s = s.substr(0, slash);
  }
  std::string_view ip;
  if (!s.empty() && s[0] == '[') {
    size_t close = s.find(']');
    if (close == std::string_view::npos || close + 1 >= s.size() || s[close + 1] != ':') {
      *error = "unterminated IPv6 address";
      return false;
    }
    ip = s.substr(1, close - 1);
    s = s.substr(close + 2);
    size_t c = s.rfind(':');
    if (c == std::string_view::npos) {
      // "[::1]:80" would be ip + container only: not valid.
      *target = std::string(s);
    } else {
      published->assign(s.substr(0, c));
      target->assign(s.substr(c + 1));
    }
    host_ip->assign(ip);
  } else {
    std::vector<std::string_view> parts;
    size_t pos = 0;
    while (true) {
      size_t c = s.find(':', pos);
      parts.push_back(s.substr(pos, c == std::string_view::npos ? std::string_view::npos : c - pos));
      if (c == std::string_view::npos) break;
      pos = c + 1;
    }
    const size_t n = parts.size();
    target->assign(parts[n - 1]);
    if (n == 2) published->assign(parts[0]);
    if (n >= 3) {
      published->assign(parts[n - 2]);
      const size_t ip_len = static_cast<size_t>(parts[n - 2].data() - s.data()) - 1;
      host_ip->assign(s.substr(0, ip_len));
    }
  }
  if (target->empty()) {
    *error = "missing container port";
    return false;
  }
  if (!IsPortOrRange(*target)) {
    *error = "container port `" + *target + "` is not a port or range";
    return false;
  }
  if (!published->empty() && !IsPortOrRange(*published)) {
    *error = "host port `" + *published + "` is not a port or range";
    return false;
  }
  if (!protocol->empty() && *protocol != "tcp" && *protocol != "udp" && *protocol != "sctp") {
    *error = "unknown protocol `" + *protocol + "`";
    return false;
  }
  return true;
}

void SplitVolumeSpec(std::string_view spec, std::string* src, std::string* dst, std::string* opts) {
  src->clear();
  dst->clear();
  opts->clear();
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i < spec.size(); ++i) {
    if (spec[i] != ':') continue;
    // A Windows drive letter `C:\` or `C:/` at the start of a part is not a separator.
    if (i - start == 1 && i + 1 < spec.size() && (spec[i + 1] == '\\' || spec[i + 1] == '/') &&
        std::isalpha(static_cast<unsigned char>(spec[start])))
      continue;
    parts.push_back(spec.substr(start, i - start));
    start = i + 1;
  }
  parts.push_back(spec.substr(start));
  if (parts.size() == 1) {
    src->assign(parts[0]);
    return;
  }
  src->assign(parts[0]);
  dst->assign(parts[1]);
  if (parts.size() >= 3) {
    std::string rest;
    for (size_t i = 2; i < parts.size(); ++i) rest += (i > 2 ? ":" : "") + std::string(parts[i]);
    *opts = rest;
  }
}

MountType ClassifyVolumeSource(std::string_view src) {
  if (src.empty()) return MountType::kVolume;
  if (src[0] == '/' || src[0] == '.' || src[0] == '~' || src[0] == '\\') return MountType::kBind;
  if (src.size() >= 2 && std::isalpha(static_cast<unsigned char>(src[0])) && src[1] == ':') return MountType::kBind;
  return MountType::kVolume;
}

const Service* ComposeFile::FindService(std::string_view n) const {
  for (const Service& s : services)
    if (s.name == n) return &s;
  return nullptr;
}

std::string_view ComposeFile::SourceTextOf(uint16_t source) const {
  if (source < sources.size()) return sources[source].text;
  return source == 0 ? text : std::string_view();
}

namespace {

// True if some node of the expanded tree under `root` satisfies `pred`. Iterative, each node
// once (aliases make the tree a DAG), bounded by the document's expansion cap.
template <typename Pred>
bool AnyNode(const Node* root, Pred pred) {
  std::vector<const Node*> stack{root};
  std::set<const Node*> seen;
  while (!stack.empty()) {
    const Node* n = stack.back();
    stack.pop_back();
    if (!seen.insert(n).second) continue;
    if (pred(*n)) return true;
    for (const Entry& e : n->entries) {
      stack.push_back(e.key);
      stack.push_back(e.value);
    }
    for (const yaml::Item& it : n->items) stack.push_back(it.node);
  }
  return false;
}

}  // namespace

std::vector<std::string> ComposeFile::ServicesUsing(TextRange range, uint16_t source) const {
  std::vector<std::string> out;
  for (const Service& s : services) {
    if (!s.node) continue;
    if (s.source == source && s.range.Contains(range)) continue;  // written inside the service itself
    // A self-contained service's nodes all lie in its own range: a range elsewhere has none.
    if (s.self_contained && (s.source != source || !s.range.Overlaps(range))) continue;
    if (AnyNode(s.node, [&](const Node& n) {
          return n.source == source && !n.range.empty() && range.Contains(n.range);
        }))
      out.push_back(s.name);
  }
  return out;
}

void BuildModel(ComposeFile* file, const LoadOptions& options) {
  ModelBuilder(file, options).Build();
  for (Service& s : file->services)
    s.self_contained = s.node && !AnyNode(s.node, [&](const Node& n) {
      return n.source != s.source || (!n.range.empty() && !s.range.Contains(n.range));
    });
  std::map<std::string_view, std::string_view> awaited;  // service -> first waiter
  for (const Service& o : file->services)
    for (const Dependency& d : o.depends_on)
      if (d.condition == "service_completed_successfully") awaited.emplace(d.service, o.name);
  if (!awaited.empty())
    for (Service& s : file->services)
      if (auto it = awaited.find(s.name); it != awaited.end()) s.awaited_by = it->second;
}

std::unique_ptr<ComposeFile> ParseComposeFile(std::string_view text, std::string path, const LoadOptions& options) {
  auto f = std::make_unique<ComposeFile>();
  f->path = std::move(path);
  f->text = text;
  f->document = yaml::Parse(text, options.yaml);
  f->sources.push_back({f->path, text, nullptr, f->document});
  f->root = f->document->root();
  BuildModel(f.get(), options);
  return f;
}

}  // namespace shipshape::compose
