#include "generate/init_plan.h"

#include <algorithm>
#include <set>

#include "compose/compose.h"
#include "compose/edit.h"
#include "generate/dockerfile_gen.h"
#include "emit/dockerignore.h"

namespace shipshape::generate {
namespace {

using compose::edit::YamlValue;

/// Backing services a component talks to, recognised by a client library in its manifests.
struct Backing {
  std::string_view image;  ///< Repository name prefix of the Compose service's image.
  std::vector<std::string_view> signals;
};
const Backing kBacking[] = {
    {"postgres", {"psycopg", "asyncpg", "\"pg\"", "pgx", "postgresql", "lib/pq", "sqlx", "diesel", "\"pg\":", "pg (", "gem \"pg\"", "gem 'pg'"}},
    {"mysql", {"mysql", "pymysql", "mysql2"}},
    {"mariadb", {"mariadb", "mysql"}},
    {"mongo", {"mongo", "pymongo", "mongoose", "motor"}},
    {"redis", {"redis", "ioredis", "celery"}},
    {"valkey", {"redis", "valkey"}},
    {"rabbitmq", {"amqp", "pika", "celery", "rabbitmq"}},
};

std::string Rel(const std::string& root, const std::string& path) {
  if (root == "." || root.empty()) return path;
  if (path == root) return ".";
  if (path.rfind(root + "/", 0) == 0) return path.substr(root.size() + 1);
  return path;
}

std::string RepoOf(std::string_view image) {
  std::string_view s = image.substr(0, image.find_first_of(":@"));
  if (size_t slash = s.rfind('/'); slash != std::string_view::npos) s = s.substr(slash + 1);
  return std::string(s);
}

/// The service definition for `c`, built from context `context` (relative to the Compose file).
YamlValue ServiceValue(const Component& c, const std::string& context,
                       const compose::ComposeFile* existing) {
  std::vector<std::pair<std::string, YamlValue>> svc;
  svc.emplace_back("build", YamlValue::Map({{"context", YamlValue::Str(context)}}));
  if (c.port) {
    const std::string p = std::to_string(c.port);
    // Published on the loopback only: reachable from the host, not from the network.
    svc.emplace_back("ports", YamlValue::Seq({YamlValue::Quoted("127.0.0.1:" + p + ":" + p)}));
  }
  if (!c.env.empty()) {
    std::vector<std::pair<std::string, YamlValue>> env;
    for (const std::string& v : c.env) env.emplace_back(v, YamlValue::Str("${" + v + "}"));
    svc.emplace_back("environment", YamlValue::Map(std::move(env)));
  }
  if (existing) {
    std::vector<std::pair<std::string, YamlValue>> deps;
    for (const compose::Service& s : existing->services) {
      if (!s.image.present() || !s.image.known) continue;
      const std::string repo = RepoOf(s.image.text);
      bool wanted = false;
      for (const Backing& b : kBacking) {
        if (repo.rfind(b.image, 0) != 0) continue;
        for (std::string_view sig : b.signals)
          if (c.manifest_text.find(sig) != std::string::npos) wanted = true;
      }
      if (!wanted) continue;
      const bool healthy = s.healthcheck && !s.healthcheck->disable;
      deps.emplace_back(s.name, YamlValue::Map({{"condition", YamlValue::Str(healthy ? "service_healthy"
                                                                                     : "service_started")}}));
    }
    if (!deps.empty()) svc.emplace_back("depends_on", YamlValue::Map(std::move(deps)));
  }
  std::vector<std::string> probe = HealthcheckCommand(c);
  if (!probe.empty()) {
    std::vector<YamlValue> test = {YamlValue::Str("CMD")};
    for (const std::string& a : probe) test.push_back(YamlValue::Quoted(a));
    svc.emplace_back("healthcheck", YamlValue::Map({{"test", YamlValue::Seq(std::move(test))},
                                                    {"interval", YamlValue::Str("30s")},
                                                    {"timeout", YamlValue::Str("5s")},
                                                    {"retries", YamlValue::Raw("3")},
                                                    {"start_period", YamlValue::Str("20s")}}));
  }
  svc.emplace_back("restart", YamlValue::Str("unless-stopped"));
  svc.emplace_back("security_opt", YamlValue::Seq({YamlValue::Str("no-new-privileges:true")}));
  svc.emplace_back("cap_drop", YamlValue::Seq({YamlValue::Str("ALL")}));
  // Bounded logs: json-file grows without limit by default.
  svc.emplace_back("logging", YamlValue::Map({{"driver", YamlValue::Str("json-file")},
                                              {"options", YamlValue::Map({{"max-size", YamlValue::Str("10m")},
                                                                          {"max-file", YamlValue::Quoted("3")}})}}));
  const bool jvm = c.stack == "java";
  svc.emplace_back(
      "deploy",
      YamlValue::Map({{"resources",
                       YamlValue::Map({{"limits", YamlValue::Map({{"cpus", YamlValue::Quoted("1.0")},
                                                                  {"memory", YamlValue::Str(jvm ? "1G" : "512M")}})}})}}));
  return YamlValue::Map(std::move(svc));
}

const char* const kComposeNames[] = {"compose.yaml", "compose.yml", "docker-compose.yaml",
                                     "docker-compose.yml"};

}  // namespace

std::set<std::string> Documented(std::string_view text) {
  std::set<std::string> out;
  size_t p = 0;
  while (p < text.size()) {
    size_t e = text.find('\n', p);
    if (e == std::string_view::npos) e = text.size();
    std::string_view line = text.substr(p, e - p);
    while (!line.empty() && (line.front() == '#' || line.front() == ' ')) line.remove_prefix(1);
    if (line.rfind("export ", 0) == 0) line.remove_prefix(7);
    size_t eq = line.find('=');
    if (eq != std::string_view::npos) out.emplace(line.substr(0, eq));
    p = e + 1;
  }
  return out;
}

namespace {

PlannedFile File(std::string path, std::string content, bool append = false) {
  PlannedFile f;
  f.path = std::move(path);
  f.content = std::move(content);
  f.append = append;
  return f;
}

}  // namespace

std::string ServiceName(const Component& c) {
  std::string base = c.dir == "." ? c.name : c.dir.substr(c.dir.rfind('/') + 1);
  if (size_t slash = base.rfind('/'); slash != std::string::npos) base = base.substr(slash + 1);
  std::string out;
  for (char ch : base) {
    ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    out += std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_' ? ch : '-';
  }
  while (!out.empty() && (out.front() == '-' || out.front() == '_')) out.erase(0, 1);
  return out.empty() ? "app" : out;
}

std::string EnvExampleLines(const std::vector<std::string>& vars, std::string_view who) {
  if (vars.empty()) return {};
  std::string out = "# Read by " + std::string(who) + " (found in its source by shipshape init)\n";
  for (const std::string& v : vars) out += v + "=\n";
  return out;
}

std::vector<PlannedFile> ComponentFiles(const FileSystem& fs, const Component& c,
                                        std::string_view dockerfile_name) {
  std::vector<PlannedFile> out;
  const std::string df = std::string(dockerfile_name);
  if (!fs.Exists(JoinPath(c.dir, df))) out.push_back(File(df, GenerateDockerfile(c)));
  if (!fs.Exists(JoinPath(c.dir, ".dockerignore"))) {
    Workspace ws;
    ws.root = c.dir;
    ws.fs = &fs;
    ws.memo = nullptr;
    out.push_back(File(".dockerignore", GenerateDockerignore(ws, c.dir)));
  }
  return out;
}

InitPlan PlanInit(const FileSystem& fs, std::string_view root_in, const InitOptions& opts) {
  InitPlan plan;
  const std::string root = NormalizePath(root_in.empty() ? "." : root_in);
  plan.components = DetectComponents(fs, root, opts.depth);
  std::vector<const Component*> todo;
  for (const Component& c : plan.components) {
    if (c.has_dockerfile) {
      plan.notes.push_back(Rel(root, c.dir) + ": has a Dockerfile; left alone");
      continue;
    }
    todo.push_back(&c);
    for (PlannedFile& f : ComponentFiles(fs, c)) {
      f.path = Rel(root, JoinPath(c.dir, f.path));
      plan.files.push_back(std::move(f));
    }
  }
  if (!opts.compose || todo.empty()) return plan;

  // The Compose file: the directory's, else a new compose.yaml.
  std::string compose_name, text;
  for (const char* n : kComposeNames) {
    if (!fs.Exists(JoinPath(root, n))) continue;
    compose_name = n;
    text = fs.Read(JoinPath(root, n), 4 << 20).value_or("");
    break;
  }
  const bool exists = !compose_name.empty();
  if (!exists) compose_name = "compose.yaml";
  std::unique_ptr<compose::ComposeFile> model;
  const yaml::Node* services = nullptr;
  if (exists) {
    model = compose::ParseComposeFile(text, JoinPath(root, compose_name));
    if (!model->usable()) {
      plan.notes.push_back(compose_name + ": not a usable Compose file; no services added");
      return plan;
    }
    services = model->root->Get("services");
    if (!services || !services->IsMapping()) {
      plan.notes.push_back(compose_name + ": no `services:` mapping; no services added");
      return plan;
    }
  }
  std::set<std::string> documented = Documented(fs.Read(JoinPath(root, ".env.example"), 1 << 20).value_or(""));
  ComposeAddition add = AddServices(text, model.get(), root, todo, documented);
  for (const std::string& n : add.notes) plan.notes.push_back(n + " (" + compose_name + ")");
  if (add.services.empty()) return plan;
  PlannedFile cf;
  cf.path = compose_name;
  if (exists) {
    if (!add.edit) {
      plan.notes.push_back(compose_name + ": cannot insert services safely; add them by hand");
      return plan;
    }
    cf.before = text;
    cf.content = text;
    cf.content.replace(add.edit->range.start, add.edit->range.end - add.edit->range.start, add.edit->text);
    cf.replace = true;
  } else {
    cf.content = "# Generated by `shipshape init`. Review ports, limits and environment.\nservices:\n";
    compose::edit::Editor editor("");
    for (const auto& [name, value] : add.values) cf.content += editor.RenderEntry(name, value, 2);
  }
  plan.files.push_back(std::move(cf));
  if (!add.env_lines.empty()) plan.files.push_back(File(".env.example", add.env_lines, /*append=*/true));
  return plan;
}

ComposeAddition AddServices(std::string_view text, const compose::ComposeFile* model,
                            const std::string& root, const std::vector<const Component*>& comps,
                            const std::set<std::string>& documented) {
  ComposeAddition out;
  std::set<std::string> names;
  std::set<std::string> built;  // contexts already built by a service
  if (model) {
    for (const compose::Service& s : model->services) {
      names.insert(s.name);
      if (s.build)
        built.insert(NormalizePath(JoinPath(root, s.build->context.present() ? s.build->context.text : ".")));
    }
  }
  std::set<std::string> env_seen;
  for (const Component* c : comps) {
    if (built.count(c->dir)) {
      out.notes.push_back(Rel(root, c->dir) + ": already built by a service");
      continue;
    }
    std::string name = ServiceName(*c);
    while (names.count(name)) name += "-app";
    names.insert(name);
    const std::string context = c->dir == root ? "." : "./" + Rel(root, c->dir);
    out.values.emplace_back(name, ServiceValue(*c, context, model));
    out.services.push_back(name);
    std::vector<std::string> missing;
    for (const std::string& v : c->env)
      if (!documented.count(v) && env_seen.insert(v).second) missing.push_back(v);
    if (!missing.empty())
      out.env_lines += (out.env_lines.empty() ? "" : "\n") + EnvExampleLines(missing, "service " + name);
  }
  if (model && !out.values.empty()) {
    const yaml::Node* services = model->root ? model->root->Get("services") : nullptr;
    if (services && services->IsMapping())
      out.edit = compose::edit::Editor(text, model->root).InsertEntries(*services, out.values);
  }
  return out;
}
}  // namespace shipshape::generate
