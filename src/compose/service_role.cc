#include "compose/service_role.h"

#include <cctype>
#include <vector>

#include "compose/known_images.h"

namespace shipshape::compose {
namespace {

std::string LowerCopy(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Words of `s` split at anything that is not a letter or digit (`docker-compose.e2e.yml` ->
// docker, compose, e2e, yml).
std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      cur += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

bool AnyWordIn(const std::vector<std::string>& words, std::initializer_list<std::string_view> set) {
  for (const std::string& w : words)
    for (std::string_view s : set)
      if (w == s) return true;
  return false;
}

// The service `s` extends in this file, or nullptr.
const Service* SameFileBase(const ComposeFile& f, const Service& s) {
  if (!s.extends || s.extends->file.present() || !s.extends->service.known) return nullptr;
  const Service* base = f.FindService(s.extends->service.text);
  return base == &s ? nullptr : base;
}

// The nearest non-empty `field` in the extends chain.
template <typename Get>
auto Nearest(const ComposeFile& f, const Service& s, Get get) -> decltype(get(s)) {
  const Service* cur = &s;
  for (int depth = 0; cur && depth < 16; ++depth, cur = SameFileBase(f, *cur))
    if (!get(*cur).empty()) return get(*cur);
  return get(s);
}

// Command tokens: shell words (quotes and `;&|()` separate) with paths reduced to their base name
// (`/bin/true` -> `true`), lower-cased.
std::vector<std::string> CommandTokens(const std::vector<std::string>& cmd) {
  std::vector<std::string> out;
  for (const std::string& raw : cmd) {
    std::string cur;
    auto flush = [&] {
      if (cur.empty()) return;
      out.push_back(LowerCopy(cur));
      cur.clear();
    };
    for (char c : raw) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '"' || c == '\'' || c == ';' || c == '&' || c == '|' ||
          c == '(' || c == ')')
        flush();
      else
        cur += c;
    }
    flush();
  }
  for (std::string& t : out) {
    const size_t slash = t.rfind('/');
    if (slash != std::string::npos && slash + 1 < t.size() && t[0] == '/') t = t.substr(slash + 1);
  }
  return out;
}

std::vector<std::string> CommandTokens(const std::vector<Value>& cmd) {
  std::vector<std::string> raw;
  for (const Value& v : cmd) raw.push_back(v.raw);
  return CommandTokens(raw);
}

bool HasPair(const std::vector<std::string>& toks, std::string_view a, std::initializer_list<std::string_view> b) {
  for (size_t i = 0; i + 1 < toks.size(); ++i)
    if (toks[i] == a)
      for (std::string_view x : b)
        if (toks[i + 1] == x) return true;
  return false;
}

// Words that mean the command keeps a server running, whatever job it runs first
// (`manage.py migrate && manage.py runserver`).
bool ServesAfterwards(const std::vector<std::string>& toks) {
  for (const std::string& t : toks) {
    for (std::string_view s : {"runserver", "serve", "server", "start", "start-server", "gunicorn", "uvicorn", "daphne",
                               "uwsgi", "worker", "supervisord", "nginx", "httpd", "apache2-foreground",
                               "php-fpm", "puma", "unicorn", "sidekiq", "celery", "node", "java", "dev", "watch",
                               "sleep", "tail", "exec", "docker-entrypoint.sh", "up", "run-server"})
      if (t == s) return true;
    if (t.rfind("run_", 0) == 0 || t.find("server") != std::string::npos || t.find("worker") != std::string::npos ||
        t.find("daemon") != std::string::npos)
      return true;
  }
  return false;
}

// A command that exits as soon as it starts (data-only containers).
bool ExitsAtOnce(const std::vector<std::string>& toks) {
  if (toks.empty()) return false;
  const std::string& first = toks[0];
  if (first == "true" || first == ":" || first == "echo" || first == "printf" || first == "exit") return true;
  // sh -c "true" / sh -c "exit 0"
  if ((first == "sh" || first == "bash" || first == "ash") && toks.size() >= 3 && toks[1] == "-c")
    return toks[2] == "true" || toks[2] == "exit" || toks[2] == "echo" || toks[2] == ":";
  return false;
}

// Job commands: migrations, test runners, one-off management commands.
std::string JobCommand(const std::vector<std::string>& toks) {
  for (const std::string& t : toks) {
    for (std::string_view s : {"migrate", "migrations", "db:migrate", "db:prepare", "db:setup", "db:create",
                               "db:seed", "db:schema:load", "collectstatic", "createsuperuser", "create_db",
                               "pytest", "py.test", "phpunit", "rspec", "jest", "mocha", "cypress", "playwright",
                               "tox", "nosetests", "behave", "newman", "k6", "bats"})
      if (t == s) return "its command runs `" + t + "`";
  }
  for (std::string_view tool : {"npm", "yarn", "pnpm", "go", "mvn", "gradle", "./gradlew", "make", "rake", "cargo",
                                "dotnet", "bundle", "composer", "python", "php"}) {
    if (HasPair(toks, tool, {"test", "tests", "run-tests", "e2e", "test:e2e"}))
      return "its command runs `" + std::string(tool) + " test`";
  }
  if (HasPair(toks, "alembic", {"upgrade"}) || HasPair(toks, "flyway", {"migrate"}) ||
      HasPair(toks, "liquibase", {"update"}) || HasPair(toks, "manage.py", {"test", "migrate", "shell"}))
    return "its command runs a migration or management job";
  if (!toks.empty() && (toks[0] == "test" || toks[0] == "tests")) return "its command runs `test`";
  return {};
}

bool JobImage(const ComposeFile& f, const Service& s, std::string* why) {
  const Service* cur = &s;
  const Value* image = &s.image;
  for (int depth = 0; cur && depth < 16; ++depth, cur = SameFileBase(f, *cur))
    if (cur->image.present()) {
      image = &cur->image;
      break;
    }
  if (!image->present() || !image->known) return false;
  const std::string repo = ParseImageRef(image->text).FullName();
  for (std::string_view p : {"cypress/*", "*playwright*", "migrate/migrate", "flyway/flyway", "liquibase/liquibase",
                             "postman/newman*", "grafana/k6", "loadimpact/k6", "minio/mc"})
    if (GlobMatch(p, repo)) {
      *why = "its image `" + repo + "` runs a one-off job";
      return true;
    }
  return false;
}

}  // namespace

std::string OneShotCommand(const std::vector<std::string>& words) {
  const std::vector<std::string> toks = CommandTokens(words);
  if (ExitsAtOnce(toks)) return "its command `" + toks[0] + "` exits at once";
  if (ServesAfterwards(toks)) return {};
  return JobCommand(toks);
}

std::string_view ServiceRoleName(ServiceRole r) {
  switch (r) {
    case ServiceRole::kServer: return "long-running server";
    case ServiceRole::kOneShot: return "one-shot job";
    case ServiceRole::kSidecar: return "sidecar";
  }
  return "server";
}

std::string_view FileRoleName(FileRole r) {
  switch (r) {
    case FileRole::kProduction: return "production";
    case FileRole::kTest: return "test/CI";
    case FileRole::kSwarmStack: return "Swarm stack";
  }
  return "production";
}

ServiceRoleInfo ClassifyService(const ComposeFile& f, const Service& s) {
  ServiceRoleInfo out;
  auto job = [&](std::string why) {
    out.role = ServiceRole::kOneShot;
    out.why = std::move(why);
    return out;
  };
  // Declared: restart "no", a Swarm job mode, a restart policy that never restarts.
  if (s.restart.present() && s.restart.known && LowerCopy(s.restart.text) == "no")
    return job("it sets `restart: \"no\"`");
  if (s.restart_policy_condition.present() && s.restart_policy_condition.known &&
      LowerCopy(s.restart_policy_condition.text) == "none")
    return job("its `deploy.restart_policy` is `none`");
  if (s.deploy && s.deploy->IsMapping())
    if (const yaml::Node* mode = s.deploy->Get("mode"); mode && mode->IsScalar() &&
                                                         (mode->value == "replicated-job" || mode->value == "global-job"))
      return job("it is a Swarm job (`deploy.mode: " + mode->value + "`)");
  if (!s.awaited_by.empty())
    return job("`" + s.awaited_by + "` waits for it with `condition: service_completed_successfully`");
  // The author says it runs until stopped: no heuristic overrides that (appwrite's
  // `appwrite-worker-migrations` is a worker, `restart: unless-stopped`, whatever its name says).
  if (s.restart.present() && s.restart.known) {
    const std::string r = LowerCopy(s.restart.text);
    if (r == "always" || r == "unless-stopped") return out;
  }
  // Its command.
  const std::vector<Value>& entry = Nearest(f, s, [](const Service& x) -> const std::vector<Value>& {
    return x.entrypoint;
  });
  const std::vector<Value>& cmd = Nearest(f, s, [](const Service& x) -> const std::vector<Value>& {
    return x.command;
  });
  std::vector<std::string> toks = CommandTokens(entry);
  std::vector<std::string> cmd_toks = CommandTokens(cmd);
  // A shell entrypoint runs the command as its script.
  const bool shell_entry = !toks.empty() && (toks[0] == "sh" || toks[0] == "bash" || toks[0] == "ash");
  if (toks.empty() || shell_entry) toks.insert(toks.end(), cmd_toks.begin(), cmd_toks.end());
  if (ExitsAtOnce(toks)) return job("its command `" + toks[0] + "` exits at once (a data-only container)");
  const bool serves = ServesAfterwards(toks);
  if (!serves) {
    if (std::string why = JobCommand(toks); !why.empty()) return job(std::move(why));
    if (std::string why; JobImage(f, s, &why)) return job(std::move(why));
  }
  // Its name or profile, when nothing says it serves: `sut`, `migrate`, `cypress`, `tests`.
  const bool publishes = !s.ports.empty();
  const bool known_server = !ParseImageRef(s.image.text).repository.empty() && s.image.known &&
                            KnownImages::Get().Match(s.image.text) != nullptr;
  if (!serves && !publishes && !known_server) {
    const std::vector<std::string> name = Words(s.name);
    if (s.name == "sut" ||
        AnyWordIn(name, {"migrate", "migration", "migrations", "migrator", "manage", "seed", "seeder", "cypress",
                         "e2e", "playwright", "test", "tests", "testrunner", "setup", "init", "createbuckets"}))
      return job("its name `" + s.name + "` names a job");
    for (const Value& p : s.profiles)
      if (p.known && AnyWordIn(Words(p.text), {"test", "tests", "e2e", "tools", "tool", "cli", "setup", "migrate",
                                               "migration", "migrations", "init", "seed", "job", "jobs"}))
        return job("it runs on demand under the profile `" + p.text + "`");
  }
  // Sidecars share another service's (or container's) network namespace.
  if (s.network_mode.present() && s.network_mode.known &&
      (s.network_mode.text.rfind("service:", 0) == 0 || s.network_mode.text.rfind("container:", 0) == 0)) {
    out.role = ServiceRole::kSidecar;
    out.why = "it runs in the network namespace of `" + s.network_mode.text + "`";
  }
  return out;
}

bool IsTestPath(std::string_view path) {
  std::string p(path);
  for (char& c : p)
    if (c == '\\') c = '/';
  // Each directory and the file name, split into words.
  size_t start = 0;
  while (start <= p.size()) {
    const size_t slash = p.find('/', start);
    const std::string_view part =
        std::string_view(p).substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (part == ".github" || part == ".gitlab" || part == ".circleci" || part == ".ci") return true;
    if (AnyWordIn(Words(part), {"test", "tests", "testing", "e2e", "ci", "integration", "cypress", "playwright",
                                "spec", "specs", "fixtures", "testdata"}))
      return true;
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return false;
}

bool IsSwarmStack(const ComposeFile& f, std::string_view path, std::string* why) {
  auto say = [&](std::string w) {
    if (why) *why = std::move(w);
    return true;
  };
  std::string_view base = path;
  if (size_t slash = base.find_last_of("/\\"); slash != std::string_view::npos) base = base.substr(slash + 1);
  if (AnyWordIn(Words(base), {"stack", "swarm"})) return say("its name `" + std::string(base) + "`");
  // A directory named for Swarm (`swarm-stack-3/docker-compose.yml`, deployed with
  // `docker stack deploy -c docker-compose.yml -c docker-compose.prod.yml`).
  // Any directory on the way counts (`swarm-secrets-assignment-1/answer/docker-compose.yml`).
  if (base.size() < path.size()) {
    std::string_view rest = path.substr(0, path.size() - base.size() - 1);
    while (!rest.empty()) {
      const size_t slash = rest.find_first_of("/\\");
      const std::string_view dir = rest.substr(0, slash);
      if (AnyWordIn(Words(dir), {"swarm"})) return say("its directory `" + std::string(dir) + "`");
      if (slash == std::string_view::npos) break;
      rest.remove_prefix(slash + 1);
    }
  }
  // Secrets and configs created outside the file are Swarm objects (`docker secret create`).
  for (const std::vector<Named>* list : {&f.secrets, &f.configs})
    for (const Named& n : *list)
      if (n.node && n.node->IsMapping())
        if (const yaml::Node* e = n.node->Get("external"); e && e->IsScalar() && e->value == "true")
          return say("`" + n.name + "` is external (created with `docker secret/config create`)");
  for (const Service& s : f.services) {
    if (!s.deploy || !s.deploy->IsMapping()) continue;
    for (std::string_view k : {"placement", "update_config", "rollback_config", "endpoint_mode"})
      if (s.deploy->Get(k)) return say("service `" + s.name + "` sets `deploy." + std::string(k) + "`");
    if (const yaml::Node* mode = s.deploy->Get("mode"); mode && mode->IsScalar() && mode->value == "global")
      return say("service `" + s.name + "` sets `deploy.mode: global`");
  }
  for (const Named& n : f.networks)
    if (n.node && n.node->IsMapping())
      if (const yaml::Node* d = n.node->Get("driver"); d && d->IsScalar() && d->value == "overlay")
        return say("network `" + n.name + "` uses the overlay driver");
  return false;
}

FileRoleInfo ClassifyFile(const ComposeFile& f, std::string_view path) {
  FileRoleInfo out;
  if (std::string why; IsSwarmStack(f, path, &why)) {
    out.role = FileRole::kSwarmStack;
    out.why = std::move(why);
    return out;
  }
  if (IsTestPath(path)) {
    out.role = FileRole::kTest;
    out.why = "its path `" + std::string(path) + "`";
    return out;
  }
  return out;
}

}  // namespace shipshape::compose
