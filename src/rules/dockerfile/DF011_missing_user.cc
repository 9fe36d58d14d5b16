// A service image whose final stage never sets USER, so it runs as root.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

// Base images that already run as an unprivileged user.
bool NonRootBase(const dockerfile::ImageRef& ref) {
  const std::string repo = ref.repository;
  const std::string tag = rules::ToLower(ref.tag);
  for (std::string_view w : {"nonroot", "rootless", "unprivileged", "non-root"})
    if (tag.find(w) != std::string::npos || repo.find(w) != std::string::npos) return true;
  if (ref.registry == "cgr.dev") return true;  // Chainguard images default to nonroot
  for (std::string_view p : {"bitnami/", "prom/", "grafana/", "jenkins/", "sonarqube",
                             "keycloak/keycloak", "elasticsearch/", "kibana/", "logstash/",
                             "gitlab/gitlab-runner", "hashicorp/", "temporalio/"})
    if (repo.find(p) != std::string::npos) return true;
  return false;
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

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const dockerfile::Stage* st = df.final_stage();
  if (!st || !st->from) return;
  if (rules::LastInChain(df, *st, dockerfile::Keyword::kUser)) return;
  if (!rules::LooksLikeService(df, *st) || rules::LooksWindows(df, *st)) return;
  const dockerfile::Stage& root = rules::RootStage(df, *st);
  if (!rules::IsScratch(root.base_resolved)) {
    std::optional<dockerfile::ImageRef> ref = rules::ExternalBase(df, root);
    // An unknown base (ARG without default, build context) may well set its own USER.
    if (!ref || NonRootBase(*ref) || WindowsBase(*ref)) return;
  }
  if (DropsPrivileges(df, *st)) return;
  ctx.Report(st->base_range,
             "the final stage never sets USER, so the service runs as root; add a USER with an "
             "unprivileged account")
      .WithFix("Add `USER <uid>` (e.g. 65532) after creating the account", Applicability::kDisplayOnly,
               {});
}

}  // namespace

extern const Rule kMissingUser{
    .code = "DF011",
    .name = "missing-user",
    .summary = "A service image never switches away from root",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"checkov", "CKV_DOCKER_3"}, {"trivy", "DS-0002"},
                {"kics", "Missing User Instruction"}, {"dockle", "CIS-DI-0001"}, {"cis", "4.1"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags the final stage of an image that looks like a service (it exposes a port, or its
`CMD`/`ENTRYPOINT` is not an interactive shell, or it builds on a server image such as nginx)
when neither it nor the stages it builds `FROM` contain a `USER` instruction.

Not flagged: base images that already run unprivileged (distroless `:nonroot`, Chainguard,
Bitnami, `*-unprivileged`, ...), bases the linter cannot resolve, Windows images, and images
whose entrypoint drops privileges with `gosu`, `su-exec`, `setpriv` and the like.

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
No automatic fix: the account must exist and own the files the service writes. The suggestion
shows what to add.

## References
- https://docs.docker.com/build/building/best-practices/#user
- CIS Docker Benchmark 4.1, Checkov CKV_DOCKER_3, Trivy DS-0002
)md",
    .cases = {Bad("FROM node:22-slim\nCOPY . /app\nCMD [\"node\", \"/app/server.js\"]\n"),
              Bad("FROM python:3.12 AS base\nEXPOSE 8000\nFROM base\nCMD gunicorn app:app\n"),
              Bad("FROM nginx:1.27\nCOPY site /usr/share/nginx/html\n"),
              Good("FROM node:22-slim\nUSER node\nCMD [\"node\", \"server.js\"]\n"),
              Good("FROM debian:12\nCMD [\"bash\"]\n"),
              Good("FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /\nCMD [\"/app\"]\n"),
              Good("FROM debian:12\nRUN apt-get install -y gosu\nENTRYPOINT [\"docker-entrypoint.sh\"]\n"),
              Good("FROM debian:12 AS base\nUSER app\nFROM base\nEXPOSE 80\n"),
              Good("FROM alpine:3.20\nRUN apk add curl\n")},
};

}  // namespace shipshape
