#include "runtime/inspect_json.h"

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>

#include "core/strings.h"
#include "core/workspace.h"
#include "rules/secrets.h"

namespace shipshape::runtime {
namespace {

using Json = nlohmann::ordered_json;

// A SAX pass before building the DOM: it yields nlohmann's error text (line, column, what was
// expected) without exceptions, and bounds nesting so the recursive dump and scan stay shallow.
class Validator final : public nlohmann::json_sax<Json> {
 public:
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool key(string_t&) override { return true; }
  bool start_object(std::size_t) override { return Push(); }
  bool end_object() override { return Pop(); }
  bool start_array(std::size_t) override { return Push(); }
  bool end_array() override { return Pop(); }
  bool parse_error(std::size_t, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    std::string what = ex.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 2: ..." -> from "parse
    // error".
    if (size_t p = what.find("] "); what.rfind("[json.exception", 0) == 0 && p != std::string::npos)
      what.erase(0, p + 2);
    error = "invalid `docker inspect` JSON: " + what;
    return false;
  }

  std::string error;

 private:
  bool Push() {
    if (++depth_ <= kMaxInspectDepth) return true;
    error = "invalid `docker inspect` JSON: nested deeper than " +
            std::to_string(kMaxInspectDepth) + " levels";
    return false;
  }
  bool Pop() {
    --depth_;
    return true;
  }
  int depth_ = 0;
};

// Field access that never throws: a missing key, null, or a value of another type reads as absent.
const Json* At(const Json& j, std::initializer_list<std::string_view> path) {
  const Json* cur = &j;
  for (std::string_view k : path) {
    if (!cur->is_object()) return nullptr;
    auto it = cur->find(std::string(k));
    if (it == cur->end()) return nullptr;
    cur = &*it;
  }
  return cur;
}

std::string Str(const Json& j, std::initializer_list<std::string_view> path) {
  const Json* v = At(j, path);
  return v && v->is_string() ? v->get_ref<const std::string&>() : std::string();
}

std::optional<int64_t> Int(const Json* v) {
  if (!v) return std::nullopt;
  if (v->is_number_unsigned()) {
    const uint64_t u = v->get<uint64_t>();
    return u > static_cast<uint64_t>(INT64_MAX) ? INT64_MAX : static_cast<int64_t>(u);
  }
  if (v->is_number_integer()) return v->get<int64_t>();
  if (v->is_number_float()) {
    const double d = v->get<double>();
    if (!(d == d)) return std::nullopt;  // NaN
    if (d >= 9.2e18) return INT64_MAX;
    if (d <= -9.2e18) return INT64_MIN;
    return static_cast<int64_t>(d);
  }
  return std::nullopt;
}

std::optional<int64_t> Int(const Json& j, std::initializer_list<std::string_view> path) {
  return Int(At(j, path));
}

bool Bool(const Json& j, std::initializer_list<std::string_view> path) {
  const Json* v = At(j, path);
  return v && v->is_boolean() && v->get<bool>();
}

std::vector<std::string> StrList(const Json& j, std::initializer_list<std::string_view> path) {
  std::vector<std::string> out;
  const Json* v = At(j, path);
  if (!v || !v->is_array()) return out;
  for (const Json& e : *v) out.push_back(e.is_string() ? e.get<std::string>() : std::string());
  return out;
}

std::string Scalar(const Json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return {};
  return v.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::map<std::string, std::string> StrMap(const Json& j,
                                          std::initializer_list<std::string_view> path) {
  std::map<std::string, std::string> out;
  const Json* v = At(j, path);
  if (!v || !v->is_object()) return out;
  for (auto it = v->begin(); it != v->end(); ++it) out[it.key()] = Scalar(it.value());
  return out;
}

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t p = 0;
  while (p <= s.size()) {
    size_t e = s.find(sep, p);
    if (e == std::string_view::npos) e = s.size();
    out.emplace_back(s.substr(p, e - p));
    p = e + 1;
  }
  return out;
}


// "src:dst[:opts]" (HostConfig.Binds). A source that is not an absolute path names a volume.
Mount ParseBind(std::string_view spec, std::string pointer) {
  Mount m;
  m.pointer = std::move(pointer);
  std::vector<std::string> parts = Split(spec, ':');
  if (parts.size() == 1) {
    m.type = "volume";
    m.target = parts[0];
    return m;
  }
  m.source = parts[0];
  m.target = parts[1];
  m.type = !m.source.empty() && m.source[0] == '/' ? "bind" : "volume";
  for (size_t i = 2; i < parts.size(); ++i) {
    for (const std::string& opt : Split(parts[i], ',')) {
      if (opt == "ro" || opt == "readonly") m.read_only = true;
      if (opt == "shared" || opt == "rshared" || opt == "slave" || opt == "rslave" ||
          opt == "private" || opt == "rprivate")
        m.propagation = opt;
    }
  }
  return m;
}

void AddMount(Container* c, Mount m) {
  // The same mount appears in Binds (or HostConfig.Mounts) and again in the top-level Mounts;
  // the declared one comes first and wins, since it names the setting to change.
  for (const Mount& have : c->mounts)
    if (!m.target.empty() && have.target == m.target) return;
  c->mounts.push_back(std::move(m));
}

void LoadMounts(const Json& j, Container* c) {
  for (size_t i = 0; i < c->binds.size(); ++i)
    AddMount(c, ParseBind(c->binds[i], "/HostConfig/Binds/" + std::to_string(i)));
  if (const Json* hm = At(j, {"HostConfig", "Mounts"}); hm && hm->is_array()) {
    for (size_t i = 0; i < hm->size(); ++i) {
      const Json& e = (*hm)[i];
      Mount m;
      m.type = Str(e, {"Type"});
      m.source = Str(e, {"Source"});
      m.target = Str(e, {"Target"});
      m.read_only = Bool(e, {"ReadOnly"});
      m.propagation = Str(e, {"BindOptions", "Propagation"});
      m.pointer = "/HostConfig/Mounts/" + std::to_string(i);
      AddMount(c, std::move(m));
    }
  }
  if (const Json* tm = At(j, {"Mounts"}); tm && tm->is_array()) {
    for (size_t i = 0; i < tm->size(); ++i) {
      const Json& e = (*tm)[i];
      Mount m;
      m.type = Str(e, {"Type"});
      m.source = Str(e, {"Source"});
      m.target = Str(e, {"Destination"});
      // RW is always present on real engines; absent, fall back to Mode.
      if (const Json* rw = At(e, {"RW"}); rw && rw->is_boolean())
        m.read_only = !rw->get<bool>();
      else
        m.read_only = Str(e, {"Mode"}).find("ro") != std::string::npos;
      m.propagation = Str(e, {"Propagation"});
      m.pointer = "/Mounts/" + std::to_string(i);
      AddMount(c, std::move(m));
    }
  }
}

void LoadPorts(const Json& j, Container* c) {
  const Json* pb = At(j, {"HostConfig", "PortBindings"});
  if (!pb || !pb->is_object()) return;
  for (auto it = pb->begin(); it != pb->end(); ++it) {
    if (!it.value().is_array()) continue;
    const std::string base = JsonPointerAppend("/HostConfig/PortBindings", it.key());
    for (size_t i = 0; i < it.value().size(); ++i) {
      const Json& b = it.value()[i];
      PortBinding p;
      p.container_port = it.key();
      p.host_ip = Str(b, {"HostIp"});
      p.host_port = Str(b, {"HostPort"});
      p.pointer = base + "/" + std::to_string(i);
      c->port_bindings.push_back(std::move(p));
    }
  }
}

void LoadCompose(Container* c) {
  ComposeOrigin& o = c->compose;
  o.project = std::string(c->Label("com.docker.compose.project"));
  o.service = std::string(c->Label("com.docker.compose.service"));
  o.working_dir = std::string(c->Label("com.docker.compose.project.working_dir"));
  o.oneoff = c->Label("com.docker.compose.oneoff") == "True";
  for (const std::string& f : Split(c->Label("com.docker.compose.project.config_files"), ',')) {
    std::string_view t = Trim(f);
    if (t.empty()) continue;
    // Compose v2 records absolute paths; v1 could record them relative to the working dir.
    o.config_files.push_back(t[0] == '/' || o.working_dir.empty() ? std::string(t)
                                                                  : JoinPath(o.working_dir, t));
  }
}

void LoadHealth(const Json& j, Container* c) {
  c->healthcheck_test = StrList(j, {"Config", "Healthcheck", "Test"});
  c->has_healthcheck = !c->healthcheck_test.empty() && c->healthcheck_test[0] != "NONE";
  c->health_status = Str(j, {"State", "Health", "Status"});
  c->health_failing_streak = Int(j, {"State", "Health", "FailingStreak"}).value_or(0);
  if (const Json* log = At(j, {"State", "Health", "Log"});
      log && log->is_array() && !log->empty()) {
    const Json& last = log->back();
    c->health_last_exit_code = Int(last, {"ExitCode"}).value_or(0);
    std::string out(Trim(Str(last, {"Output"})));
    for (char& ch : out)
      if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
    if (out.size() > 160) out = out.substr(0, 157) + "...";
    c->health_last_output = std::move(out);
  }
}

Container Model(const Json& j) {
  Container c;
  c.id = Str(j, {"Id"});
  c.name = Str(j, {"Name"});
  if (!c.name.empty() && c.name[0] == '/') c.name.erase(0, 1);
  c.image_ref = Str(j, {"Config", "Image"});
  c.image_id = Str(j, {"Image"});
  c.user = Str(j, {"Config", "User"});
  c.labels = StrMap(j, {"Config", "Labels"});
  LoadCompose(&c);
  c.state_status = Str(j, {"State", "Status"});
  LoadHealth(j, &c);
  c.restart_policy = Str(j, {"HostConfig", "RestartPolicy", "Name"});
  c.restart_max_retries = Int(j, {"HostConfig", "RestartPolicy", "MaximumRetryCount"}).value_or(0);
  c.auto_remove = Bool(j, {"HostConfig", "AutoRemove"});
  c.privileged = Bool(j, {"HostConfig", "Privileged"});
  c.cap_add = StrList(j, {"HostConfig", "CapAdd"});
  c.cap_drop = StrList(j, {"HostConfig", "CapDrop"});
  c.security_opt = StrList(j, {"HostConfig", "SecurityOpt"});
  c.readonly_rootfs = Bool(j, {"HostConfig", "ReadonlyRootfs"});
  c.memory = Int(j, {"HostConfig", "Memory"}).value_or(0);
  c.nano_cpus = Int(j, {"HostConfig", "NanoCpus"}).value_or(0);
  c.cpu_quota = Int(j, {"HostConfig", "CpuQuota"}).value_or(0);
  c.cpu_shares = Int(j, {"HostConfig", "CpuShares"}).value_or(0);
  c.pids_limit = Int(j, {"HostConfig", "PidsLimit"});
  c.binds = StrList(j, {"HostConfig", "Binds"});
  LoadMounts(j, &c);
  c.network_mode = Str(j, {"HostConfig", "NetworkMode"});
  c.pid_mode = Str(j, {"HostConfig", "PidMode"});
  c.ipc_mode = Str(j, {"HostConfig", "IpcMode"});
  c.uts_mode = Str(j, {"HostConfig", "UTSMode"});
  c.userns_mode = Str(j, {"HostConfig", "UsernsMode"});
  LoadPorts(j, &c);
  c.publish_all_ports = Bool(j, {"HostConfig", "PublishAllPorts"});
  c.log_driver = Str(j, {"HostConfig", "LogConfig", "Type"});
  c.log_options = StrMap(j, {"HostConfig", "LogConfig", "Config"});
  c.apparmor_profile = Str(j, {"AppArmorProfile"});
  return c;
}

// Keys every container object has on every engine; one of them is enough (inline rule cases
// give only what they test). Images, networks and volumes share "Id"/"Name"/"Config" but never
// have HostConfig or State, and have keys of their own.
bool LooksLikeContainer(const Json& j) {
  if (j.contains("HostConfig") || j.contains("State")) return true;
  for (const char* k : {"RootFS", "RepoTags", "IPAM", "Mountpoint"})
    if (j.contains(k)) return false;
  for (const char* k : {"Id", "Name", "Config"})
    if (j.contains(k)) return true;
  return false;
}

std::string Describe(const Json& j) {
  if (j.is_object() && (j.contains("RootFS") || j.contains("RepoTags")))
    return "an image (`docker image inspect` output); shipshape inspect audits containers";
  if (j.is_object() && j.contains("IPAM")) return "a network, not a container";
  if (j.is_object() && j.contains("Mountpoint")) return "a volume, not a container";
  if (j.is_object()) return "not a container (no Id, Name, Config, HostConfig or State)";
  return std::string("a JSON ") + j.type_name() + ", not a container object";
}

void MaskEnv(Json* j) {
  auto cfg = j->find("Config");
  if (cfg == j->end() || !cfg->is_object()) return;
  auto env = cfg->find("Env");
  if (env == cfg->end() || !env->is_array()) return;
  for (Json& e : *env) {
    if (!e.is_string()) continue;
    std::string s = e.get<std::string>();
    size_t eq = s.find('=');
    if (eq == std::string::npos || eq + 1 == s.size()) continue;
    e = s.substr(0, eq + 1) + "****";
  }
}

/// Masks credentials in every string of `j` (the environment aside, done above): values under
/// secret-named keys whole, elsewhere what secrets::FindSecretsToMask finds. Health-check output
/// (`State.Health.Log[].Output`), commands and labels often carry a password, a `KEY=value`
/// secret or a token, and both the excerpts and DR012's message quote them. Done before the model
/// is built, so a value is masked before it can be cut short and no longer be recognised.
void MaskStrings(Json* j, std::string_view key) {
  if (j->is_string()) {
    const std::string& s = j->get_ref<const std::string&>();
    if (!s.empty() && secrets::LooksLikeSecretName(key)) {
      *j = "****";
    } else {
      std::string masked = secrets::MaskSecretsIn(s);
      if (masked != s) *j = std::move(masked);
    }
  } else if (j->is_array()) {
    for (Json& e : *j) MaskStrings(&e, key);
  } else if (j->is_object()) {
    for (auto it = j->begin(); it != j->end(); ++it) MaskStrings(&it.value(), it.key());
  }
}

std::string PathFor(const Container& c, size_t index) {
  if (!c.name.empty()) return "container:" + c.name;
  if (!c.id.empty()) return "container:" + c.id.substr(0, 12);
  return "container:#" + std::to_string(index + 1);
}

}  // namespace

Result<std::vector<LoadedContainer>> LoadInspectJson(std::string_view json) {
  if (json.size() > kMaxInspectBytes)
    return Error{
        ErrorCode::kTooLarge,
        "`docker inspect` JSON larger than " + std::to_string(kMaxInspectBytes >> 20) + " MiB",
        {}};
  if (json.substr(0, 3) == "\xEF\xBB\xBF") json.remove_prefix(3);
  if (Trim(json).empty())
    return Error{ErrorCode::kParse,
                 "empty input: expected the JSON that `docker inspect` prints (an array of "
                 "containers) or one container object",
                 {}};
  Validator v;
  if (!Json::sax_parse(json, &v)) {
    if (v.error.empty()) v.error = "invalid `docker inspect` JSON";
    return Error{ErrorCode::kParse, v.error, {}};
  }
  Json doc = Json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return Error{ErrorCode::kParse, "invalid `docker inspect` JSON", {}};

  std::vector<Json*> items;
  if (doc.is_array()) {
    for (Json& e : doc) items.push_back(&e);
  } else {
    items.push_back(&doc);
  }
  std::vector<LoadedContainer> out;
  out.reserve(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    Json& j = *items[i];
    if (!j.is_object() || !LooksLikeContainer(j)) {
      std::string where =
          doc.is_array() ? "element " + std::to_string(i) + " of the array" : "the JSON document";
      return Error{ErrorCode::kParse, "`docker inspect` JSON: " + where + " is " + Describe(j), {}};
    }
    MaskEnv(&j);
    MaskStrings(&j, "");
    LoadedContainer lc;
    lc.file.text = j.dump(4, ' ', false, Json::error_handler_t::replace);
    lc.file.text += '\n';
    lc.file.kind = FileKind::kOther;
    lc.model = Model(j);
    lc.model.ranges = ScanJsonRanges(lc.file.text);
    lc.file.path = PathFor(lc.model, i);
    out.push_back(std::move(lc));
  }
  return out;
}

}  // namespace shipshape::runtime
