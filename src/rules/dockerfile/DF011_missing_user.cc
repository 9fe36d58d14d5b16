// A service image whose final stage never sets USER, so it runs as root.
#include <algorithm>
#include <string>
#include <vector>

#include "compose/known_images.h"
#include "dockerfile/dockerfile.h"
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

// Base images that already run as an unprivileged user.
bool NonRootBase(const dockerfile::ImageRef& ref) {
  const std::string repo = ref.repository;
  const std::string tag = Lower(ref.tag);
  for (std::string_view w : {"nonroot", "rootless", "unprivileged", "non-root"})
    if (tag.find(w) != std::string::npos || repo.find(w) != std::string::npos) return true;
  if (ref.registry == "cgr.dev") return true;  // Chainguard images default to nonroot
  for (std::string_view p : {"bitnami/", "prom/", "grafana/", "jenkins/", "sonarqube",
                             "keycloak/keycloak", "elasticsearch/", "kibana/", "logstash/",
                             "gitlab/gitlab-runner", "hashicorp/", "temporalio/"})
    if (repo.find(p) != std::string::npos) return true;
  return false;
}

// Facts from the known-images table (data/known-images.json): the base runs as a non-root user
// (keycloak's UID 1000, bitnami's 1001), or starts as root only for its entrypoint to drop
// privileges (postgres, mysql, redis via gosu/su-exec) and the Dockerfile keeps that entrypoint.
// A USER added on top breaks the first (nothing changes) and the second (the entrypoint can no
// longer chown the data directory; issue 16).
bool KnownUnprivileged(const dockerfile::Dockerfile& df, const dockerfile::Stage& st,
                       const dockerfile::ImageRef& ref) {
  std::string text = ref.registry.empty() ? ref.repository : ref.registry + "/" + ref.repository;
  if (!ref.tag.empty()) text += ":" + ref.tag;
  const compose::KnownImage* img = compose::KnownImages::Get().Match(text);
  if (!img || img->user.empty() || img->user == "root" || img->user == "0") return false;
  if (!img->starts_as_root) return true;
  return rules::LastInChain(df, st, dockerfile::Keyword::kEntrypoint) == nullptr;
}

bool WindowsBase(const dockerfile::ImageRef& ref) {
  for (std::string_view w : {"windows", "nanoserver", "servercore"})
    if (ref.repository.find(w) != std::string::npos) return true;
  return false;
}

// Entrypoints that drop privileges at start-up (the official postgres/redis pattern).
bool DropsPrivileges(const dockerfile::Dockerfile& df, const dockerfile::Stage& stage) {
  for (const dockerfile::Stage* st : rules::StageChain(df, stage)) {
    for (const dockerfile::Instruction* ins : st->instructions) {
      if (ins->kind != dockerfile::Keyword::kRun && ins->kind != dockerfile::Keyword::kCmd &&
          ins->kind != dockerfile::Keyword::kEntrypoint)
        continue;
      std::string text = ins->rest.text;
      for (const dockerfile::Heredoc& h : ins->heredocs) text += h.content;
      for (std::string_view tool : {"gosu", "su-exec", "setpriv", "s6-setuidgid", "chpst",
                                    "runuser", "setuidgid", "su -c", "su-exec"})
        if (text.find(tool) != std::string::npos) return true;
    }
  }
  return false;
}

using dockerfile::Instruction;
using dockerfile::Keyword;
using rules::run::BaseFamily;

bool Has(std::string_view s, std::string_view w) { return s.find(w) != std::string_view::npos; }

// How the fix makes the final stage unprivileged, by what its root base image is known to hold.
enum class Account : uint8_t {
  kNone,     // no fix: unknown base, scratch, or no user tools (ubi-minimal, amazonlinux...)
  kShadow,   // groupadd/useradd (shadow-utils): Debian, Ubuntu, the full RHEL-family images
  kBusybox,  // addgroup/adduser (BusyBox): Alpine
  kNode,     // the official node images' `node` user, UID/GID 1000
  kNonroot,  // distroless `nonroot`, UID/GID 65532: no shell to run anything
};

// Only bases whose account tools are known: the distribution images and the official language
// images built on them. Server images (nginx, postgres...) expect to start as root, so are left
// to the author.
Account AccountFor(const dockerfile::ImageRef& ref, BaseFamily fam) {
  const std::string& repo = ref.repository;
  const std::string tag = Lower(ref.tag);
  if (Has(repo, "distroless/")) return Account::kNonroot;
  const std::string_view last = rules::BaseName(repo);
  // Minimal variants ship microdnf without shadow-utils; amazonlinux has none either.
  const bool minimal = Has(tag, "minimal") || Has(tag, "micro") || Has(last, "minimal") ||
                       Has(last, "micro") || Has(tag, "amazon") || Has(tag, "corretto");
  const bool ubi = (last == "ubi" || (last.starts_with("ubi") && last.size() > 3 &&
                                      rules::IsDigits(last.substr(3)))) &&
                   !minimal;
  if (ubi && fam == BaseFamily::kRedHat) return Account::kShadow;
  if (!ref.registry.empty() || Has(repo, "/")) return Account::kNone;  // official images only
  if (repo == "fedora" || repo == "centos" || repo == "rockylinux" || repo == "almalinux" ||
      repo == "oraclelinux") {
    // The -slim tags of oraclelinux are microdnf images without shadow-utils.
    return fam == BaseFamily::kRedHat && !minimal && !Has(tag, "slim") ? Account::kShadow
                                                                       : Account::kNone;
  }
  static constexpr std::string_view kRuntimes[] = {
      "debian", "ubuntu", "alpine", "buildpack-deps", "python", "pypy", "golang", "ruby", "rust",
      "perl", "openjdk", "eclipse-temurin", "java", "erlang", "elixir", "gcc", "node"};
  bool runtime = false;
  for (std::string_view r : kRuntimes) runtime = runtime || repo == r;
  // Language images also come on Oracle Linux, UBI or Windows: only their Debian, Ubuntu and
  // Alpine variants are judged.
  if (!runtime || minimal || Has(tag, "oracle") || Has(tag, "ubi") || Has(tag, "centos"))
    return Account::kNone;
  if (repo == "node" && (fam == BaseFamily::kDebian || fam == BaseFamily::kAlpine))
    return Account::kNode;
  if (fam == BaseFamily::kDebian) return Account::kShadow;
  if (fam == BaseFamily::kAlpine) return Account::kBusybox;
  return Account::kNone;
}

// The application directory the fix hands to the new user: the effective WORKDIR when it is a
// literal absolute path below a system directory's level; empty otherwise (no chown then).
std::string AppDir(const dockerfile::Dockerfile& df, const dockerfile::Stage& st) {
  const Instruction* wd = rules::LastInChain(df, st, Keyword::kWorkdir);
  if (!wd || wd->args.empty()) return {};
  const dockerfile::Stage* owner = rules::StageOf(df, wd);
  if (!owner) return {};
  rules::Expansion e = rules::ScopeBefore(df, *owner, wd).Expand(wd->args[0].value);
  std::string dir = e.text;
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  if (!e.complete || dir.size() < 2 || dir.front() != '/' ||
      dir.find_first_of(" \t'\"$`\\;&|<>*?()") != std::string::npos)
    return {};
  static constexpr std::string_view kSystem[] = {
      "/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/lib64", "/media", "/mnt", "/opt",
      "/proc", "/root", "/run", "/sbin", "/srv", "/sys", "/tmp", "/usr", "/var", "/usr/bin",
      "/usr/lib", "/usr/local", "/usr/local/bin", "/usr/sbin", "/usr/share", "/usr/src",
      "/var/lib", "/var/log", "/var/cache", "/var/run", "/var/tmp"};
  for (std::string_view s : kSystem)
    if (dir == s) return {};
  return dir;
}

// True when a RUN of the chain already manages accounts: the author made one, and the fix cannot
// know which to use (nor that UID 10001 is free).
bool CreatesAccounts(const dockerfile::Dockerfile& df, const dockerfile::Stage& st,
                     const rules::run::Analysis& an) {
  std::vector<const dockerfile::Stage*> chain = rules::StageChain(df, st);
  for (const auto& r : an.runs()) {
    if (std::find(chain.begin(), chain.end(), r->stage) == chain.end()) continue;
    if (!r->posix) return true;
    for (const rules::run::Cmd& c : r->cmds)
      for (std::string_view n : {"useradd", "adduser", "groupadd", "addgroup", "usermod"})
        if (c.name() == n) return true;
  }
  return false;
}

std::optional<Fix> AddUser(const dockerfile::Dockerfile& df, const dockerfile::Stage& st,
                           const dockerfile::ImageRef& ref, RuleContext& ctx) {
  const rules::run::Analysis& an = rules::run::SharedAnalysis(df, ctx);
  const Account account = AccountFor(ref, an.Family(st));
  if (account == Account::kNone || CreatesAccounts(df, st, an)) return std::nullopt;
  // After the last step of the stage that needs root (a RUN; COPY, ADD and WORKDIR too, so the
  // files and directory exist before the chown), before CMD and ENTRYPOINT.
  const Instruction* anchor = st.from;
  for (const Instruction* ins : st.instructions)
    if (ins->kind == Keyword::kRun || ins->kind == Keyword::kCopy || ins->kind == Keyword::kAdd ||
        ins->kind == Keyword::kWorkdir)
      anchor = ins;
  const std::string_view src = ctx.source();
  const std::string run = rules::run::KeywordLike(src, *anchor, "RUN");
  const std::string user = rules::run::KeywordLike(src, *anchor, "USER");
  const std::string dir = AppDir(df, st);
  const std::string cont = std::string(" ") + df.escape + "\n    && ";
  std::string create;
  std::string uid;
  std::string title;
  switch (account) {
    case Account::kShadow:
      create = run + " groupadd --system --gid 10001 app" + cont +
               "useradd --system --no-log-init --uid 10001 --gid app --no-create-home "
               "--shell /usr/sbin/nologin app";
      uid = "10001:10001";
      break;
    case Account::kBusybox:
      create = run + " addgroup -S -g 10001 app" + cont +
               "adduser -S -G app -H -s /sbin/nologin -u 10001 app";
      uid = "10001:10001";
      break;
    case Account::kNode:
      if (!dir.empty()) create = run + " chown node:node " + dir;
      uid = "1000:1000";
      break;
    case Account::kNonroot:
      uid = "65532:65532";
      break;
    case Account::kNone:
      return std::nullopt;
  }
  if (!dir.empty() && (account == Account::kShadow || account == Account::kBusybox))
    create += cont + "chown app:app " + dir;
  title = account == Account::kNode       ? "Run as the image's `node` user (UID 1000)"
          : account == Account::kNonroot ? "Run as distroless `nonroot` (UID 65532)"
                                         : "Create an unprivileged `app` user (UID 10001) and run as it";
  Fix f;
  f.title = title;
  f.applicability = Applicability::kUnsafe;
  const std::string user_line = user + " " + uid;
  f.edits = {create.empty() ? rules::run::InsertLinesAfter(src, *anchor, {user_line})
                            : rules::run::InsertLinesAfter(src, *anchor, {create, user_line})};
  f.isolation_group = rules::run::kUserIsolationGroup;
  return f;
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const dockerfile::Stage* st = df.final_stage();
  if (!st || !st->from) return;
  if (rules::LastInChain(df, *st, dockerfile::Keyword::kUser)) return;
  if (!rules::LooksLikeService(df, *st) || rules::LooksWindows(df, *st)) return;
  const dockerfile::Stage& root = rules::RootStage(df, *st);
  std::optional<dockerfile::ImageRef> ref;
  if (!rules::IsScratch(root.base_resolved)) {
    ref = rules::ExternalBase(df, root);
    // An unknown base (ARG without default, build context) may well set its own USER.
    if (!ref || NonRootBase(*ref) || WindowsBase(*ref) || KnownUnprivileged(df, *st, *ref)) return;
  }
  if (DropsPrivileges(df, *st)) return;
  DiagnosticBuilder b = ctx.Report(
      st->base_range,
      "the final stage never sets USER, so the service runs as root; add a USER with an "
      "unprivileged account");
  std::optional<Fix> f;
  if (ref && !ref->has_variable) f = AddUser(df, *st, *ref, ctx);
  if (f) b.WithFix(std::move(*f));
  else b.WithFix("Add `USER <uid>` (e.g. 65532) after creating the account",
                 Applicability::kDisplayOnly, {});
}

}  // namespace

extern constinit const Rule kMissingUser{
    .code = "DF011",
    .name = "missing-user",
    .summary = "A service image never switches away from root",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .skips_onbuild = true,
    .aliases = {{"checkov", "CKV_DOCKER_3"}, {"trivy", "DS-0002"},
                {"kics", "Missing User Instruction"}, {"dockle", "CIS-DI-0001"}, {"cis", "4.1"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM node:22-slim\nCOPY . /app\nCMD [\"node\", \"/app/server.js\"]\n", .after = "FROM node:22-slim\nCOPY . /app\nUSER 1000:1000\nCMD [\"node\", \"/app/server.js\"]\n"},
    .docs = R"md(## What it does
Flags the final stage of an image that looks like a service (it exposes a port, or its
`CMD`/`ENTRYPOINT` is not an interactive shell, or it builds on a server image such as nginx)
when neither it nor the stages it builds `FROM` contain a `USER` instruction.

Not flagged: base images that already run unprivileged (distroless `:nonroot`, Chainguard,
Bitnami, `*-unprivileged`, ...), bases the linter cannot resolve, Windows images, and images
whose entrypoint drops privileges with `gosu`, `su-exec`, `setpriv` and the like. Facts about the
base come from the known-images table (data/known-images.json): a base whose user is not root
(keycloak's UID 1000, Bitnami's 1001, Grafana's 472) is not flagged, nor one that starts as root
only for its entrypoint to drop privileges (postgres, mysql, mariadb, mongo, redis) as long as
the Dockerfile keeps that entrypoint: a USER there would stop the entrypoint from preparing the
data directory.

## Why is this bad
Without `USER`, the container runs as root (UID 0). Any code-execution bug in the service is
then root inside the container, with the host kernel's attack surface one step away. CIS Docker
Benchmark 4.1 and every scanner ask for a non-root user.

## Example
```dockerfile
FROM node:22-slim
COPY . /app
CMD ["node", "/app/server.js"]
```

## Use instead
```dockerfile
FROM node:22-slim
COPY --chown=node:node . /app
USER node
CMD ["node", "/app/server.js"]
```

## Fix safety
Unsafe, and offered only when the final stage's root base image (followed through the stages it
is built `FROM`) is one whose account tools are known:

- Debian, Ubuntu and the official language images built on them (`python`, `golang`, `ruby`,
  `eclipse-temurin`, ...), and the full RHEL-family images (`fedora`, `centos`, `rockylinux`,
  `almalinux`, `oraclelinux`, `ubi8`/`ubi9`): a RUN creates a system group and user with
  shadow-utils, `groupadd --system --gid 10001 app && useradd --system --no-log-init --uid 10001
  --gid app --no-create-home --shell /usr/sbin/nologin app`;
- Alpine and the `-alpine` language images: the BusyBox equivalent, `addgroup -S -g 10001 app &&
  adduser -S -G app -H -s /sbin/nologin -u 10001 app`;
- `node`: the image already has the unprivileged `node` user (UID 1000), nothing is created;
- distroless: the image already has `nonroot` (UID 65532) and no shell, nothing is run.

Then `USER <uid>:<gid>` follows, numeric so that Kubernetes `runAsNonRoot` can check it (DF012).
Both go right after the stage's last `RUN`, `COPY`, `ADD` or `WORKDIR` (the steps that need
root or create what the user must own), so `CMD`, `ENTRYPOINT`, `EXPOSE` and the comments above
them stay where they were; indentation, line endings and keyword case follow the file.

When the stage has a `WORKDIR` (the application directory, a literal absolute path that is not a
system directory such as `/`, `/usr/local` or `/var/lib`), the same RUN runs `chown app:app
<dir>` (`chown node:node` for node), not recursively: the service can create files there (caches,
uploads, pid files) while the code copied into it stays root-owned and read-only to it, as DF117
recommends, and no layer duplicates every file. `COPY --chown` would hand the code itself to the
service. Distroless images have no shell to run chown: the directory stays root-owned.

No fix for `scratch`, unknown or variable bases, server images (nginx, httpd, postgres...,
which expect to start as root), images without shadow-utils (`ubi*-minimal`, `ubi-micro`,
`oraclelinux:*-slim`, `amazonlinux`), or when a RUN of the stage already creates accounts
(`useradd`, `adduser`...): the suggestion then only shows what to add.

It is unsafe because the service then runs as UID 10001 (or 1000, 65532): it can no longer write
to root-owned paths outside its directory, bind ports below 1024 on engines older than 20.10, or
run anything that needs root at start-up; the image must be tested with the new user.

## References
- https://docs.docker.com/build/building/best-practices/#user
- CIS Docker Benchmark 4.1, Checkov CKV_DOCKER_3, Trivy DS-0002
)md",
};

}  // namespace shipshape
