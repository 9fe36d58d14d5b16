// COPY --from naming neither an earlier stage nor an image.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

// Docker Hub official images that are commonly copied from by bare name.
bool CommonImage(std::string_view n) {
  static const std::string_view kImages[] = {
      "alpine", "busybox", "debian", "ubuntu", "centos", "fedora", "nginx", "httpd", "node",
      "python", "golang", "rust", "openjdk", "eclipse-temurin", "maven", "gradle", "php",
      "composer", "ruby", "redis", "postgres", "mysql", "mariadb", "mongo", "docker", "traefik",
      "caddy", "consul", "vault", "registry", "tini", "gcc", "perl", "erlang", "elixir", "haskell",
      "swift", "julia", "dart", "bash", "hello-world", "memcached", "rabbitmq", "influxdb",
      "telegraf", "grafana", "scratch", "archlinux", "amazonlinux", "rockylinux", "almalinux",
      "oraclelinux", "photon", "clearlinux", "buildpack-deps", "tomcat", "jetty", "haproxy",
      "vault", "nats", "etcd", "kong", "sonarqube", "jenkins", "bitnami", "ghost", "wordpress"};
  for (std::string_view k : kImages)
    if (n == k) return true;
  return false;
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  std::vector<std::string> names;
  for (const dockerfile::Stage& s : df.stages)
    if (!s.name.empty()) names.push_back(s.name);
  for (const dockerfile::Stage& st : df.stages) {
    rules::VarScope scope(df, st);
    for (const dockerfile::Instruction* ins : st.instructions) {
      scope.Apply(*ins);
      if (ins->kind != dockerfile::Keyword::kCopy && ins->kind != dockerfile::Keyword::kAdd) continue;
      const dockerfile::Flag* f = ins->FindFlag("from");
      if (!f || f->value.empty()) continue;
      rules::Expansion e = scope.Expand(f->value);
      if (!e.complete || e.text.empty()) continue;
      const std::string ref = Lower(e.text);
      const std::string kw = Upper(ins->keyword);
      if (rules::IsDigits(ref)) {
        const size_t idx = ref.size() > 6 ? SIZE_MAX : std::stoul(ref);
        if (idx > st.index)  // == is DF032
          ctx.Report(f->value_range, kw + " --from=" + e.text + " refers to stage " + e.text +
                                         ", which is not defined before this one");
        continue;
      }
      const dockerfile::Stage* target = nullptr;
      for (const dockerfile::Stage& s : df.stages)
        if (s.name == ref && !target) target = &s;
      if (target) {
        if (target->index > st.index)
          ctx.Report(f->value_range, kw + " --from=" + e.text + " names a stage defined later; "
                                                             "BuildKit requires stages to be defined "
                                                             "before they are copied from");
        continue;
      }
      // An image reference (`nginx:1.27`, `ghcr.io/x/y`) is fine.
      if (ref.find_first_of(":/@.") != std::string::npos || CommonImage(ref)) continue;
      const std::string hint = rules::ClosestName(ref, names);
      std::string msg = kw + " --from=" + e.text + " names no stage of this Dockerfile";
      msg += hint.empty() ? " and is not a tagged image; it will be pulled from Docker Hub (or must "
                            "be passed with --build-context)"
                          : " (did you mean " + hint + "?)";
      DiagnosticBuilder b = ctx.Report(f->value_range, std::move(msg));
      if (!hint.empty() && f->value.find('$') == std::string::npos)
        b.WithFix("Copy from stage " + hint, Applicability::kUnsafe,
                  {Edit::Replace(f->value_range, hint)});
    }
  }
}

}  // namespace

extern constinit const Rule kCopyFromUnknownStage{
    .code = "DF031",
    .name = "copy-from-unknown-stage",
    .summary = "COPY --from names no earlier stage",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kCorrectness,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3022"},
                {"kics", "COPY '--from' Without FROM Alias Defined Previously"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM golang:1.23 AS builder\nFROM alpine:3.20\nCOPY --from=bulider /app /app\n", .after = "FROM golang:1.23 AS builder\nFROM alpine:3.20\nCOPY --from=builder /app /app\n"},
    .docs = R"md(## What it does
Flags `COPY --from=<x>` (and `ADD --from`) where `<x>`, after ARG expansion, is:

- a stage defined *after* the current one, or a stage index that is not below the current one;
- a bare name that matches no stage and is not a well-known image (`alpine`, `nginx`, ...). When a
  stage name is a likely typo of it, the message suggests it.

Image references with a tag, registry or digest (`nginx:1.27`, `ghcr.io/org/tool`) are fine.

## Why is this bad
BuildKit refuses to copy from a stage defined later. A misspelt stage name is worse: Docker
treats it as an image name and tries to pull `docker.io/library/<typo>`, which fails or, if such
an image exists, copies someone else's files.

## Example
```dockerfile
FROM golang:1.23 AS builder
RUN go build -o /app .
FROM gcr.io/distroless/static-debian12
COPY --from=bulider /app /app
```

## Use instead
```dockerfile
FROM golang:1.23 AS builder
RUN go build -o /app .
FROM gcr.io/distroless/static-debian12
COPY --from=builder /app /app
```

## Fix safety
For a likely typo the fix renames the reference; it is unsafe because the name might really be a
build context passed with `--build-context`.

## References
- https://docs.docker.com/reference/dockerfile/#copy---from
- hadolint DL3022
)md",
};

}  // namespace shipshape
