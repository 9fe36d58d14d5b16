// Debug / development mode switched on in a production-looking Compose file.
#include "rules/compose/secret_env.h"

namespace shipshape {
namespace {

struct Flag {
  std::string_view key;
  bool boolean;  // on when truthy; fix flips it
  std::string_view on;       // for non-boolean: the development value (lower case)
  std::string_view prod;     // replacement
};

constexpr Flag kFlags[] = {
    {"DEBUG", true, "", ""},           {"APP_DEBUG", true, "", ""},
    {"FLASK_DEBUG", true, "", ""},     {"DJANGO_DEBUG", true, "", ""},
    {"WP_DEBUG", true, "", ""},        {"PHP_XDEBUG_ENABLED", true, "", ""},
    {"NODE_ENV", false, "development", "production"},
    {"FLASK_ENV", false, "development", "production"},
    {"RAILS_ENV", false, "development", "production"},
    {"RACK_ENV", false, "development", "production"},
    {"APP_ENV", false, "dev", "prod"},
    {"APP_ENV", false, "development", "production"},
    {"APP_ENV", false, "local", "production"},
    {"ASPNETCORE_ENVIRONMENT", false, "development", "Production"},
    {"DOTNET_ENVIRONMENT", false, "development", "Production"},
    {"GIN_MODE", false, "debug", "release"},
};

std::optional<bool> Truthy(std::string_view v) {
  const std::string l = Lower(v);
  if (l == "1" || l == "true" || l == "yes" || l == "on") return true;
  if (l == "0" || l == "false" || l == "no" || l == "off" || l.empty()) return false;
  return std::nullopt;
}

std::string Falsy(std::string_view v) {
  const std::string l = Lower(v);
  std::string out = l == "1" ? "0" : l == "yes" ? "no" : l == "on" ? "off" : "false";
  if (!v.empty() && std::isupper(static_cast<unsigned char>(v[0]))) {
    if (v.size() > 1 && std::isupper(static_cast<unsigned char>(v[1]))) {
      for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    } else {
      out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    }
  }
  return out;
}

// Replaces an environment value (map or KEY=VAL list form) with `next`.
std::optional<Edit> ReplaceEnvValue(const compose::ComposeFile& f, const compose::KeyValue& kv, const yaml::Node* coll,
                                    const std::string& next) {
  const compose::Value& v = *kv.value;
  if (!coll) return std::nullopt;
  if (coll->IsMapping()) {
    std::optional<Edit> e = crules::EditorFor(f).ReplaceScalar(*v.node, next);
    return e;
  }
  if (compose::edit::IsFlow(f.text, *coll)) return std::nullopt;
  std::optional<uint32_t> start = crules::VerbatimStart(f.text, v);
  if (!start) return std::nullopt;
  return Edit::Replace({*start, *start + static_cast<uint32_t>(v.raw.size())}, next);
}

bool DevCommand(const std::vector<compose::Value>& cmd, std::string* what) {
  for (const compose::Value& v : cmd) {
    if (!v.known) continue;
    const std::string l = Lower(v.text);
    for (std::string_view w : {"--reload", "nodemon", "runserver", "npm run dev", "yarn dev", "pnpm dev",
                               "flask run --debug", "--debug", "webpack-dev-server", "vite dev"})
      if (l.find(w) != std::string::npos) {
        *what = std::string(w);
        return true;
      }
  }
  return false;
}

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  if (crules::IsDevFile(ctx.file().path)) return;
  crules::OncePerRange once;
  for (const compose::Service& s : f.services) {
    const yaml::Entry* env = s.Find("environment");
    for (const compose::KeyValue& kv : s.environment) {
      if (!kv.value || kv.source != 0 || !kv.value->known) continue;
      const compose::Value& v = *kv.value;
      if (v.raw.find('$') != std::string::npos) continue;  // `${DEBUG:-false}`: the deployer decides
      for (const Flag& fl : kFlags) {
        if (kv.key != fl.key) continue;
        std::string next;
        if (fl.boolean) {
          if (Truthy(v.text) != true) continue;
          next = Falsy(v.text);
        } else {
          if (Lower(v.text) != fl.on) continue;
          next = std::string(fl.prod);
        }
        std::optional<DiagnosticBuilder> b =
            once.Report(ctx, f, &s, kv.range,
                        "service `" + s.name + "` sets `" + kv.key + "=" + v.text +
                            "`: development mode (verbose errors, debuggers, reloaders) in a production file");
        if (!b) break;
        if (std::optional<Edit> e = ReplaceEnvValue(f, kv, env ? env->value : nullptr, next))
          b->WithFix("Set `" + kv.key + "` to `" + next + "`", Applicability::kUnsafe, {*e});
        break;
      }
    }
    std::string what;
    if (DevCommand(s.command, &what) && !s.command.empty())
      once.Report(ctx, f, &s, s.command.front().range,
                  "service `" + s.name + "` runs a development server (`" + what + "`) in a production file");
  }
}

}  // namespace

extern constinit const Rule kDebugModeEnabled{
    .code = "DC071",
    .name = "debug-mode-enabled",
    .summary = "Debug or development mode switched on in a production-looking file",
    .target = Target::kCompose,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {},
    .check_compose = Check,
    .fix_example = {.before = "services:\n  api:\n    image: a:1\n    environment:\n      FLASK_DEBUG: \"1\"\n      NODE_ENV: development\n", .after = "services:\n  api:\n    image: a:1\n    environment:\n      FLASK_DEBUG: \"0\"\n      NODE_ENV: production\n"},
    .docs = R"md(## What it does
In Compose files not named as development, test, CI, example or override files, flags literal
debug switches in `environment` (`DEBUG`, `APP_DEBUG`, `FLASK_DEBUG`, `DJANGO_DEBUG`,
`WP_DEBUG` set to a true value; `NODE_ENV`, `FLASK_ENV`, `RAILS_ENV`, `RACK_ENV` =
`development`; `APP_ENV` = `dev`/`local`; `ASPNETCORE_ENVIRONMENT` = `Development`;
`GIN_MODE=debug`) and commands that start development servers (`--reload`, `nodemon`,
`manage.py runserver`, `npm run dev`, `--debug`). Values from variables (`${DEBUG:-false}`)
are the deployer's choice and pass.

## Why is this bad
Debug modes print stack traces with configuration and secrets to visitors (Django and Flask
debug pages, the Werkzeug console is remote code execution), disable caching and hardening, and
reloaders watch the filesystem and restart on any change.

## Example
```yaml
services:
  api:
    image: myorg/api:1.4
    environment:
      FLASK_DEBUG: "1"
      NODE_ENV: development
```

## Use instead
```yaml
services:
  api:
    image: myorg/api:1.4
    environment:
      FLASK_DEBUG: "0"
      NODE_ENV: production
```

## Fix safety
Unsafe: the value is switched to its production form (`true`→`false`, `1`→`0`,
`development`→`production`, `Development`→`Production`, `debug`→`release`), keeping the letter
case; behaviour changes by design. Development commands are reported without a fix.

## References
- https://flask.palletsprojects.com/en/stable/debugging/
- https://docs.djangoproject.com/en/stable/ref/settings/#debug
- https://docs.docker.com/compose/how-tos/production/
)md",
};

}  // namespace shipshape
