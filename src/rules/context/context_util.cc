#include "rules/context/context_util.h"
#include "core/strings.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "dockerfile/dockerfile.h"
#include "envfile/envfile.h"
#include "emit/env_example.h"
#include "patterns/dockerignore.h"
#include "rules/secrets.h"

namespace shipshape::context {
namespace {



std::vector<std::string_view> SplitWords(std::string_view key) {
  std::vector<std::string_view> out;
  size_t p = 0;
  while (p <= key.size()) {
    size_t e = key.find_first_of("_.-", p);
    if (e == std::string_view::npos) e = key.size();
    if (e > p) out.push_back(key.substr(p, e - p));
    p = e + 1;
  }
  return out;
}

bool AllOf(std::string_view s, bool (*pred)(unsigned char)) {
  for (char c : s)
    if (!pred(static_cast<unsigned char>(c))) return false;
  return !s.empty();
}
bool IsTokenChar(unsigned char c) { return std::isalnum(c) || c == '_' || c == '-'; }
bool IsAlnum(unsigned char c) { return std::isalnum(c) != 0; }
bool IsUpperAlnum(unsigned char c) { return std::isupper(c) || std::isdigit(c); }
bool IsHex(unsigned char c) { return std::isxdigit(c) != 0; }

/// `value` starts with `prefix` followed by at least `min` characters accepted by `pred`.
bool PrefixedToken(std::string_view value, std::string_view prefix, size_t min,
                   bool (*pred)(unsigned char)) {
  if (!value.starts_with(prefix)) return false;
  std::string_view rest = value.substr(prefix.size());
  size_t n = 0;
  while (n < rest.size() && pred(static_cast<unsigned char>(rest[n]))) ++n;
  return n >= min;
}

}  // namespace

std::string_view BaseName(std::string_view path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string FileDir(const SourceFile& file) { return NormalizePath(DirName(file.path)); }

std::string_view LineEnding(std::string_view text) {
  size_t nl = text.find('\n');
  return nl != std::string_view::npos && nl > 0 && text[nl - 1] == '\r' ? "\r\n" : "\n";
}

Edit AppendLines(std::string_view text, const std::vector<std::string>& lines,
                 std::string_view comment) {
  const std::string_view nl = LineEnding(text);
  std::string add;
  if (!text.empty()) {
    if (text.back() != '\n') add += nl;
    // A blank line between the user's content and ours, unless the file already ends with one.
    std::string_view t = text;
    if (t.back() == '\n') t.remove_suffix(1);
    if (!t.empty() && t.back() == '\r') t.remove_suffix(1);
    const bool ends_blank = !t.empty() && (t.back() == '\n');
    if (!ends_blank && !t.empty()) add += nl;
  }
  if (!comment.empty()) {
    add += "# ";
    add += comment;
    add += nl;
  }
  for (const std::string& l : lines) {
    add += l;
    add += nl;
  }
  return Edit::Insert(static_cast<uint32_t>(text.size()), std::move(add));
}

std::vector<std::string> ListDir(const Workspace* ws, std::string_view dir) {
  if (!ws || !ws->fs) return {};
  return ws->fs->List(std::string(dir));
}

/// `.env` is kept in the context deliberately: re-included by a `!.env` line, or only the local
/// overrides are excluded (`.env.local` but not `.env.production`): the Symfony/dotenv
/// convention of a committed `.env` of defaults that the application reads at run time.
bool KeepsDotEnvOnPurpose(const dockerignore::Matcher& matcher) {
  for (const dockerignore::Pattern& p : matcher.patterns())
    if (p.exclusion && (p.text == ".env" || p.text == "**/.env")) return true;
  return matcher.Excluded(".env.local") && !matcher.Excluded(".env.production");
}

bool BuildMakesItself(const generate::IgnoreEntry& entry, std::span<const std::string> dockerfiles) {
  using generate::Stack;
  using generate::IgnoreGroup;
  if (entry.group != IgnoreGroup::kDependencies && entry.group != IgnoreGroup::kBuildOutput)
    return true;
  const bool deps = entry.group == IgnoreGroup::kDependencies;
  // Commands that install the stack's dependencies (deps) or build its outputs, by stack.
  struct Maker {
    Stack stack;
    std::vector<std::string_view> words;
  };
  static const Maker kInstall[] = {
      {Stack::kNode, {"npm install", "npm i ", "npm ci", "yarn", "pnpm i", "bun install", "bun i "}},
      {Stack::kPython, {"pip install", "pip3 install", "poetry install", "uv sync", "uv pip",
                        "pipenv install", "pdm install", "-m venv", "virtualenv"}},
      {Stack::kRuby, {"bundle install", "bundle config", "bundler"}},
      {Stack::kPhp, {"composer install", "composer update", "composer require"}},
  };
  static const Maker kBuild[] = {
      {Stack::kNode, {"run build", "yarn build", "pnpm build", "ng build", "vite build", "next build",
                      "tsc", "webpack", "nx build"}},
      {Stack::kPython, {"pip install", "pip3 install", "setup.py", "-m build", "poetry build",
                        "uv build", "poetry install", "uv sync"}},
      {Stack::kGo, {"go build", "go install"}},
      {Stack::kMaven, {"mvn", "mvnw"}},
      {Stack::kRust, {"cargo"}},
      {Stack::kGradle, {"gradle"}},
      {Stack::kDotnet, {"dotnet"}},
  };
  // `venv` (wanted when present) belongs to Python.
  const generate::Stacks stacks = entry.stacks ? entry.stacks : generate::Bit(Stack::kPython);
  for (const Maker& m : deps ? std::span<const Maker>(kInstall) : std::span<const Maker>(kBuild)) {
    if (!(stacks & generate::Bit(m.stack))) continue;
    for (const std::string& text : dockerfiles)
      for (std::string_view w : m.words)
        if (text.find(w) != std::string::npos) return true;
  }
  return false;
}

// True if a Dockerfile copies the context root (`COPY . .`, `ADD ./ /app`, `COPY * /x/`) or a
// root-level `.env*` path, the only ways a `.env` at the root of the context reaches an image.
static bool CopiesContextRoot(std::span<const std::string> dockerfiles) {
  for (const std::string& text : dockerfiles) {
    const auto df = dockerfile::Parse(text);
    for (const dockerfile::Instruction& ins : df->instructions) {
      if ((ins.kind != dockerfile::Keyword::kCopy && ins.kind != dockerfile::Keyword::kAdd) || ins.HasFlag("from"))
        continue;
      for (size_t i = 0; i + 1 < ins.args.size(); ++i) {
        std::string_view src = ins.args[i].value;
        while (src.size() > 1 && src.back() == '/') src.remove_suffix(1);
        while (src.size() > 2 && src.substr(0, 2) == "./") src.remove_prefix(2);
        if (src == "." || src == "/" || src == "./" || src.find('$') != std::string_view::npos ||
            src.front() == '*' || src.starts_with(".*") || src.starts_with(".env") || src.starts_with("/.env"))
          return true;
      }
    }
  }
  return false;
}

bool BuildReadsRepository(std::span<const std::string> dockerfiles) {
  for (const std::string& text : dockerfiles) {
    bool installs_git = false, mounts_context = false;
    const auto df = dockerfile::Parse(text);
    for (const dockerfile::Instruction& ins : df->instructions) {
      if (ins.kind != dockerfile::Keyword::kRun) continue;
      const std::string_view run = ins.rest.text;
      // `apk add ... git`, `apt-get install -y git`, `dnf install git`.
      if ((run.find(" add ") != std::string_view::npos ||
           run.find(" install ") != std::string_view::npos) &&
          (run.find(" git ") != std::string_view::npos || run.ends_with(" git") ||
           run.find(" git\n") != std::string_view::npos))
        installs_git = true;
      for (const dockerfile::Flag& f : ins.flags) {
        if (f.name != "mount") continue;
        const std::string_view v = f.value;
        const bool bind = v.find("type=") == std::string_view::npos ||
                          v.find("type=bind") != std::string_view::npos;
        const bool from_context = v.find("from=") == std::string_view::npos &&
                                  v.find("source=") == std::string_view::npos &&
                                  v.find("src=") == std::string_view::npos;
        if (bind && from_context) mounts_context = true;
      }
    }
    if (installs_git && mounts_context) return true;
  }
  return false;
}

void CheckIgnoreGroup(const SourceFile& file, RuleContext& ctx, generate::IgnoreGroup group,
                      std::string_view why, Applicability applicability) {
  using generate::IgnoreEntry;
  const Workspace* ws = ctx.workspace();
  const std::string dir = FileDir(file);
  const std::vector<std::string> names = ListDir(ws, dir);
  const generate::Stacks stacks = generate::DetectStacksFromNames(names);
  std::vector<std::string> dockerfiles, sources;
  if (ws) dockerfiles = generate::DockerfilesInDir(*ws, dir);
  sources = generate::ExplicitContextSources(dockerfiles);
  const dockerignore::Matcher matcher = dockerignore::Matcher::Parse(file.text);
  const bool knows_tree = ws && ws->fs;
  const bool has_git = std::find(names.begin(), names.end(), ".git") != names.end();
  const bool at_root = ws && NormalizePath(ws->root) == dir;

  std::vector<std::string> missing;
  for (const IgnoreEntry& e : generate::IgnoreCatalog()) {
    if (e.group != group || !e.checked || e.probe.empty()) continue;
    if (!generate::EntryApplies(e, stacks, names)) continue;
    // A context below the repository root holds no `.git`: nothing to exclude there.
    if (group == generate::IgnoreGroup::kVcs && knows_tree && !has_git && !at_root) continue;
    if (matcher.Excluded(e.probe)) continue;
    // The build installs git and bind-mounts the whole context for its scripts (docker/cli,
    // moby, buildkit: `git describe` stamps the version): it needs the history.
    if (group == generate::IgnoreGroup::kVcs && BuildReadsRepository(dockerfiles)) continue;
    // Host dependencies or build outputs the image never makes itself are what it ships.
    if (!dockerfiles.empty() && !BuildMakesItself(e, dockerfiles)) continue;
    if (e.pattern == ".env" && KeepsDotEnvOnPurpose(matcher)) continue;
    // Every Dockerfile of this context copies named paths only (`COPY ./app /app`): an env file
    // at the context root never reaches an image (docker-gitlab, full-stack-fastapi backend).
    if (group == generate::IgnoreGroup::kEnv && !dockerfiles.empty() && !CopiesContextRoot(dockerfiles)) continue;
    // A Dockerfile here COPYs it on purpose (`COPY target/app.jar`): excluding it breaks the build.
    if (generate::PatternHidesSource(e.pattern, sources)) continue;
    missing.emplace_back(e.pattern);
  }
  if (missing.empty()) return;

  std::vector<std::string> lines = missing;
  if (group == generate::IgnoreGroup::kEnv) {
    // Keep templates where they were: re-include any that only our new lines would exclude.
    std::vector<std::string> templates = {".env.example"};
    for (const std::string& n : names)
      if (n.starts_with(".env") && generate::IsEnvTemplateName(n)) templates.push_back(n);
    std::sort(templates.begin(), templates.end());
    templates.erase(std::unique(templates.begin(), templates.end()), templates.end());
    std::string after_text(file.text);
    after_text += '\n';
    for (const std::string& l : missing) after_text += l + "\n";
    const dockerignore::Matcher after = dockerignore::Matcher::Parse(after_text);
    for (const std::string& t : templates)
      if (!matcher.Excluded(t) && after.Excluded(t)) lines.push_back("!" + t);
  }

  std::string list;
  for (size_t i = 0; i < missing.size(); ++i) {
    if (i) list += i + 1 == missing.size() ? " and " : ", ";
    list += "`" + missing[i] + "`";
  }
  std::string msg = list + (missing.size() == 1 ? " is" : " are") + " not excluded from the build context: ";
  msg += why;
  ctx.Report(TextRange::At(0), std::move(msg))
      .WithFix("Append " + list + " to " + std::string(BaseName(file.path)), applicability,
               {AppendLines(file.text, lines, generate::IgnoreGroupTitle(group))});
}

// ---- env files ----------------------------------------------------------------------------

bool IsSecretKey(std::string_view key) {
  const std::string k = Upper(key);
  if (k.find("PUBLIC") != std::string::npos) return false;
  const std::vector<std::string_view> words = SplitWords(k);
  if (words.empty()) return false;
  static const std::string_view kNotValue[] = {
      "FILE", "PATH", "DIR", "URL", "URI", "NAME", "ID", "LENGTH", "LEN", "EXPIRY", "EXPIRES",
      "EXPIRE", "TTL", "TIMEOUT", "ENABLED", "ENABLE", "DISABLED", "TYPE", "ALGORITHM", "ALG",
      "HEADER", "FIELD", "PARAM", "COUNT", "SIZE", "POLICY", "REQUIRED", "MIN", "MAX", "PREFIX",
      "LIFETIME", "DAYS", "HOURS", "MINUTES", "SECONDS", "IN", "MODE", "METHOD", "VERSION",
      "PROVIDER", "ISSUER", "AUDIENCE", "HOST", "PORT", "USER", "USERNAME", "LOCATION", "REF",
      "ARN", "STORE", "BACKEND", "ROTATION", "HASH", "ROUNDS", "COST", "RESET", "LOGIN"};
  for (std::string_view w : kNotValue)
    if (words.back() == w) return false;
  static const std::string_view kContains[] = {"PASSWORD", "PASSWD", "PASSPHRASE", "SECRET",
                                               "TOKEN",    "APIKEY", "API_KEY",    "PRIVATE_KEY",
                                               "ACCESS_KEY", "CREDENTIAL", "AUTH_KEY", "SIGNING_KEY",
                                               "ENCRYPTION_KEY", "MASTER_KEY"};
  for (std::string_view c : kContains)
    if (k.find(c) != std::string::npos) return true;
  for (std::string_view w : words)
    if (w == "PASS" || w == "PWD" || w == "KEY" || w == "PW") return true;
  return false;
}

bool IsPlaceholderValue(std::string_view raw) {
  std::string_view v = Trim(raw);
  if (v.empty()) return true;
  if (v.front() == '<' && v.back() == '>') return true;
  if (v.find('$') != std::string_view::npos) return true;
  if (v.size() >= 4 && v.substr(0, 2) == "__" && v.ends_with("__")) return true;
  const std::string l = Lower(v);
  static const std::string_view kMarkers[] = {
      "your",    "change",   "example", "placeholder", "replace", "todo",   "xxx",
      "***",     "...",      "dummy",   "fake",        "sample",  "insert", "enter",
      "here",    "redacted", "insecure", "not-secret", "notsecret", "fixme", "tbd",
      "generate", "random",  "secret_key_base"};
  for (std::string_view m : kMarkers)
    if (l.find(m) != std::string::npos) return true;
  if (std::all_of(v.begin(), v.end(), [&](char c) { return c == v.front(); })) return true;
  return false;
}

bool IsWeakPassword(std::string_view raw) {
  const std::string v = Lower(Trim(raw));
  static const std::string_view kWeak[] = {
      "password", "passw0rd", "p@ssw0rd", "p@ssword", "password1", "password123", "pass",
      "pass123", "changeme", "change_me", "change-me", "changeit", "secret", "secret123",
      "admin", "admin123", "administrator", "root", "toor", "1234", "12345", "123456",
      "1234567", "12345678", "123456789", "1234567890", "qwerty", "letmein", "welcome",
      "default", "test", "test123", "guest", "postgres", "mysql", "mariadb", "redis",
      "mongo", "mongodb", "rabbitmq", "elastic", "demo", "user", "abc123", "111111",
      "000000", "master", "supersecret", "s3cr3t", "pa55word"};
  for (std::string_view w : kWeak)
    if (v == w) return true;
  // `secret_redis`, `admin-pass`, `root.password`: a short value built around a default word.
  if (v.size() <= 20) {
    static const std::string_view kCore[] = {"password", "passw0rd", "pass", "secret", "changeme",
                                             "admin", "root", "default", "test", "demo"};
    for (std::string_view t : SplitWords(v))
      for (std::string_view c : kCore)
        if (t == c && t.size() < v.size()) return true;
  }
  return false;
}

double Entropy(std::string_view s) {
  if (s.empty()) return 0;
  int counts[256] = {};
  for (char c : s) ++counts[static_cast<unsigned char>(c)];
  double h = 0;
  for (int n : counts) {
    if (!n) continue;
    const double p = static_cast<double>(n) / static_cast<double>(s.size());
    h -= p * std::log2(p);
  }
  return h;
}

std::string DescribeRealSecret(std::string_view key, std::string_view raw) {
  std::string_view v = Trim(raw);
  if (v.empty()) return {};
  if (v.find("-----BEGIN") != std::string_view::npos &&
      v.find("PRIVATE KEY") != std::string_view::npos)
    return "a private key";
  // `ghp_xxxx...`, `AKIAIOSFODNN7EXAMPLE`: documentation shapes, not credentials.
  if (IsPlaceholderValue(v)) return {};
  if (PrefixedToken(v, "AKIA", 16, IsUpperAlnum) || PrefixedToken(v, "ASIA", 16, IsUpperAlnum))
    return "an AWS access key ID";
  for (std::string_view p : {"ghp_", "gho_", "ghu_", "ghs_", "ghr_"})
    if (PrefixedToken(v, p, 36, IsAlnum)) return "a GitHub token";
  if (PrefixedToken(v, "github_pat_", 40, IsTokenChar)) return "a GitHub token";
  if (PrefixedToken(v, "glpat-", 20, IsTokenChar)) return "a GitLab token";
  for (std::string_view p : {"xoxb-", "xoxa-", "xoxp-", "xoxr-", "xoxs-"})
    if (PrefixedToken(v, p, 10, IsTokenChar)) return "a Slack token";
  if (PrefixedToken(v, "sk_live_", 16, IsAlnum) || PrefixedToken(v, "rk_live_", 16, IsAlnum))
    return "a Stripe live key";
  if (PrefixedToken(v, "AIza", 35, IsTokenChar)) return "a Google API key";
  if (PrefixedToken(v, "npm_", 36, IsAlnum)) return "an npm token";
  if (PrefixedToken(v, "sk-", 32, IsTokenChar) && Entropy(v) > 3.5) return "an API key (sk-...)";
  if (v.starts_with("SG.") && v.size() >= 60 && std::count(v.begin(), v.end(), '.') == 2)
    return "a SendGrid API key";
  if (v.starts_with("eyJ") && std::count(v.begin(), v.end(), '.') == 2 && v.size() >= 40 &&
      AllOf(v, [](unsigned char c) { return IsTokenChar(c) || c == '.'; }))
    return "a JSON Web Token";
  if (!IsSecretKey(key) || secrets::IsPublicClientKey(key, v)) return {};
  if (v.size() < 20 || v.find("://") != std::string_view::npos) return {};
  for (char c : v)
    if (std::isspace(static_cast<unsigned char>(c))) return {};
  const double h = Entropy(v);
  if (AllOf(v, IsHex)) return v.size() >= 32 && h >= 3.0 ? "a high-entropy value" : "";
  int classes = 0;
  classes += std::any_of(v.begin(), v.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
  classes += std::any_of(v.begin(), v.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
  classes += std::any_of(v.begin(), v.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  if (classes >= 2 && h >= 3.7) return "a high-entropy value";
  return {};
}

std::string_view UrlPassword(std::string_view value) {
  const size_t scheme = value.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view rest = value.substr(scheme + 3);
  const size_t at = rest.find('@');
  if (at == std::string_view::npos) return {};
  const std::string_view userinfo = rest.substr(0, at);
  const size_t colon = userinfo.find(':');
  if (colon == std::string_view::npos || userinfo.find('/') != std::string_view::npos) return {};
  return userinfo.substr(colon + 1);
}

bool IsPrivateEnvFile(const SourceFile& file) {
  if (file.kind != FileKind::kEnv) return false;
  const std::string name = Lower(BaseName(file.path));
  if (generate::IsEnvTemplateName(name)) return false;
  // `.env` and `*.local` are where the real values go: a credential there counts even while it
  // still holds a placeholder. A file that sets no credential at all (`COMPOSE_PROJECT_NAME`,
  // image tags, ports, as the corpus's compose projects commit on purpose) is shared
  // configuration, not a secret.
  const bool conventional = name == ".env" || name.ends_with(".local");
  const envfile::EnvFile env = envfile::Parse(file.text);
  for (const envfile::Entry& e : env.entries) {
    if (!e.value) continue;
    const bool literal = e.raw.find('$') == std::string::npos;
    const std::string_view url_password = UrlPassword(*e.value);
    if (!url_password.empty() && literal && (conventional || !IsPlaceholderValue(url_password)))
      return true;
    if (!IsSecretKey(e.key)) continue;
    if (conventional) return true;
    if (!literal || IsPlaceholderValue(*e.value)) continue;
    return true;
  }
  return false;
}

}  // namespace shipshape::context
