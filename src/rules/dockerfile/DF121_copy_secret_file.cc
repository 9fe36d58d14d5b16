// COPY/ADD of a file that by its name holds credentials.
#include "compose/workspace_links.h"
#include "core/strings.h"
#include "core/workspace.h"
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/secrets.h"
#include "rules/util.h"

namespace shipshape {
namespace {

constexpr std::string_view kRegistryFile = "a package-registry credentials file";

std::string_view BaseName(std::string_view p) {
  while (p.size() > 1 && p.back() == '/') p.remove_suffix(1);
  size_t s = p.find_last_of('/');
  return s == std::string_view::npos ? p : p.substr(s + 1);
}

// What the file is, if its name says it holds a credential.
std::string_view SecretKind(std::string_view path) {
  const std::string name = Lower(BaseName(path));
  const std::string full = Lower(path);
  for (std::string_view k : {"id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "identity"})
    if (name == k) return "an SSH private key";
  if (name == ".env" || (name.rfind(".env.", 0) == 0 && name != ".env.example" &&
                         name != ".env.sample" && name != ".env.template" && name != ".env.dist" &&
                         name != ".env.defaults"))
    return "an environment file with secrets";
  if (name == ".npmrc" || name == ".pypirc" || name == ".netrc" || name == ".git-credentials" ||
      name == ".dockercfg" || name == ".yarnrc.yml" || name == "pip.conf")
    return kRegistryFile;
  if (full.find(".docker/config.json") != std::string::npos) return "Docker registry credentials";
  if (full.find(".aws/credentials") != std::string::npos) return "AWS credentials";
  if (full.find(".kube/config") != std::string::npos || name == "kubeconfig")
    return "a Kubernetes credentials file";
  if (name.ends_with(".key") || name.ends_with(".p12") || name.ends_with(".pfx") ||
      name.ends_with(".jks") || name.ends_with(".keystore") || name.ends_with("-key.pem") ||
      name.ends_with("_key.pem") || name == "privkey.pem" || name == "key.pem")
    return "a private key or keystore";
  if (name == ".htpasswd") return "a password file";
  if (name.ends_with(".tfstate")) return "Terraform state (holds secrets in clear text)";
  return {};
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// True if a registry configuration file's text holds a credential: an auth entry with a literal
// value (`//registry/:_authToken=...`, `_auth`, `_password`, `password`, `npmAuthToken`,
// `npmAuthIdent`), a password in a URL, or a token of a known format. `${NPM_TOKEN}` is a
// reference the build resolves from its environment: the file itself holds nothing.
bool HoldsCredential(std::string_view text) {
  if (!secrets::FindKnownSecrets(text).empty()) return true;
  size_t p = 0;
  while (p < text.size()) {
    size_t e = text.find('\n', p);
    if (e == std::string_view::npos) e = text.size();
    std::string_view line = Trim(text.substr(p, e - p));
    p = e + 1;
    if (line.empty() || line[0] == '#' || line[0] == ';') continue;
    size_t sep = line.find('=');  // npmrc, ini
    if (sep == std::string_view::npos) sep = line.find(':');  // .yarnrc.yml
    // .netrc: `machine host login user password secret` on one line.
    const std::string lower = Lower(sep == std::string_view::npos ? line : line.substr(0, sep));
    std::string_view value = sep == std::string_view::npos ? std::string_view() : Trim(line.substr(sep + 1));
    if (sep == std::string_view::npos || lower.find(' ') != std::string::npos) {
      const std::string all = Lower(line);
      if (all.find("password ") != std::string::npos || all.find("passwd ") != std::string::npos) return true;
      continue;
    }
    bool auth = false;
    for (std::string_view w : {"auth", "password", "passwd", "token", "secret"})
      auth |= lower.find(w) != std::string::npos;
    if (lower.ends_with("keyfile") || lower.ends_with("certfile")) auth = false;  // paths
    if (!auth) continue;
    value = rules::Unquote(value);
    if (value.empty() || value[0] == '$' || secrets::IsPlaceholder(value)) continue;
    if (lower.find("always") != std::string::npos) continue;  // npm's `always-auth=true`
    return true;
  }
  return false;
}

// For a registry file, reads it in every build context of the Dockerfile: false when each copy
// is readable and holds only settings (`registry=`, `@scope:registry=`, `strict-ssl=`).
bool CopiesCredential(std::string_view src, RuleContext& ctx) {
  const Workspace* ws = ctx.workspace();
  if (!ws || !ws->fs) return true;
  std::string_view rel = src;
  while (!rel.empty() && rel.front() == '/') rel.remove_prefix(1);
  const std::vector<std::string> contexts = compose::ContextsOf(*ws, ctx.file().path);
  if (contexts.empty()) return true;
  for (const std::string& c : contexts) {
    const std::optional<std::string> text = ws->fs->Read(JoinPath(c, std::string(rel)), 1 << 20);
    if (!text || HoldsCredential(*text)) return true;
  }
  return false;
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (const dockerfile::Stage& st : df.stages) {
    if (!st.used) continue;  // never built
    for (const dockerfile::Instruction* ins : st.instructions) {
      if ((ins->kind != dockerfile::Keyword::kCopy && ins->kind != dockerfile::Keyword::kAdd) ||
          ins->HasFlag("from") || ins->args.size() < 2)
        continue;
      for (size_t i = 0; i + 1 < ins->args.size(); ++i) {
        const std::string& src = ins->args[i].value;
        if (src.rfind("<<", 0) == 0 || src.find("://") != std::string::npos) continue;
        std::string_view kind = SecretKind(src);
        if (kind.empty()) continue;
        if (kind == kRegistryFile && !CopiesCredential(src, ctx)) continue;
        if (kind == std::string_view("a private key or keystore")) {
          // `*.key` is just as often a public signing key for a package repository.
          const std::string both = Lower(src + " " + ins->args.back().value);
          bool public_key = false;
          for (std::string_view w : {"pub", "gpg", "pgp", "asc", "keyring", "signing", "repo",
                                     "release", "apt", "rpm", "yum"})
            public_key |= both.find(w) != std::string::npos;
          if (public_key) continue;
        }
        ctx.Report(ins->args[i].range,
                   Upper(ins->keyword) + " " + src + " puts " + std::string(kind) +
                       " into an image layer" + (st.is_final ? "" : " of a build stage (and its cache)") +
                       "; removing it later does not remove it from the layer")
            .WithFix("Mount it only while needed: RUN --mount=type=secret,id=<id>,target=<path> ...",
                     Applicability::kDisplayOnly, {});
      }
    }
  }
}

}  // namespace

extern constinit const Rule kCopySecretFile{
    .code = "DF121",
    .name = "copy-secret-file",
    .summary = "COPY/ADD of a file that holds credentials",
    .target = Target::kDockerfile,
    .severity = Severity::kError,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"trivy", "DS-0031"}, {"dockle", "CIS-DI-0010"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags `COPY`/`ADD` from the build context of files whose name marks them as credentials: SSH
private keys (`id_rsa`, `id_ed25519`), `.env` files (not `.env.example`), `.npmrc`, `.pypirc`,
`.netrc`, `.git-credentials`, `pip.conf`, Docker `config.json`, AWS `credentials`, kubeconfig,
private keys and keystores (`*.key`, `*.p12`, `*.pfx`, `*.jks`, `key.pem`), `.htpasswd`,
Terraform state. A package-registry file (`.npmrc`, `.yarnrc.yml`, `.pypirc`, `pip.conf`,
`.netrc`) is read from the build context (Compose `build.context`, else the Dockerfile's
directory) when it is there: one holding only settings (`registry=`, `@scope:registry=`) is not
flagged; an auth entry with a literal value (`_authToken`, `_auth`, `_password`, `password`,
`npmAuthToken`) or a password in a URL is. `_authToken=${NPM_TOKEN}` is a reference the build
fills from its environment, so the file holds nothing. `*.key` files that are evidently public signing keys (`repo.gpg.key`, copied to
a keyring or `*.pub`) are not flagged, nor are stages that are never built.

## Why is this bad
Every layer of an image can be extracted by anyone who can pull it; deleting the file in a later
`RUN` hides it from the final file system but not from the layer. In a build stage the file still
lands in the build cache, which is often exported to a registry.

## Example
```dockerfile
FROM node:22
COPY .npmrc /root/.npmrc
RUN npm ci
```

## Use instead
```dockerfile
FROM node:22
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci
```
built with `docker build --secret id=npmrc,src=$HOME/.npmrc .`

## Fix safety
No automatic fix; the suggestion shows the secret-mount form.

## References
- https://docs.docker.com/build/building/secrets/
- Trivy DS-0031, CIS Docker Benchmark 4.10
)md",
};

}  // namespace shipshape
