// COPY/ADD of a file that by its name holds credentials.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

std::string_view BaseName(std::string_view p) {
  while (p.size() > 1 && p.back() == '/') p.remove_suffix(1);
  size_t s = p.find_last_of('/');
  return s == std::string_view::npos ? p : p.substr(s + 1);
}

// What the file is, if its name says it holds a credential.
std::string_view SecretKind(std::string_view path) {
  const std::string name = rules::ToLower(BaseName(path));
  const std::string full = rules::ToLower(path);
  for (std::string_view k : {"id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "identity"})
    if (name == k) return "an SSH private key";
  if (name == ".env" || (name.rfind(".env.", 0) == 0 && name != ".env.example" &&
                         name != ".env.sample" && name != ".env.template" && name != ".env.dist" &&
                         name != ".env.defaults"))
    return "an environment file with secrets";
  if (name == ".npmrc" || name == ".pypirc" || name == ".netrc" || name == ".git-credentials" ||
      name == ".dockercfg" || name == ".yarnrc.yml" || name == "pip.conf")
    return "a package-registry credentials file";
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
        if (kind == std::string_view("a private key or keystore")) {
          // `*.key` is just as often a public signing key for a package repository.
          const std::string both = rules::ToLower(src + " " + ins->args.back().value);
          bool public_key = false;
          for (std::string_view w : {"pub", "gpg", "pgp", "asc", "keyring", "signing", "repo",
                                     "release", "apt", "rpm", "yum"})
            public_key |= both.find(w) != std::string::npos;
          if (public_key) continue;
        }
        ctx.Report(ins->args[i].range,
                   rules::ToUpper(ins->keyword) + " " + src + " puts " + std::string(kind) +
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
Terraform state. `*.key` files that are evidently public signing keys (`repo.gpg.key`, copied to
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
