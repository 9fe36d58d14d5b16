// Build tools in the image that ships: the build should happen in a separate stage.
#include "dockerfile/dockerfile.h"
#include "generate/multistage.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

struct Hit {
  size_t pos = 0;
  std::string_view tool;
};

bool WordAt(std::string_view text, size_t p, size_t len) {
  auto sep = [](char c) { return std::string_view(" \t\n;&|()'\"`=").find(c) != std::string_view::npos; };
  return (p == 0 || sep(text[p - 1])) && (p + len == text.size() || sep(text[p + len]));
}

// The first build tool `text` installs or runs, unless it removes its packages again (the
// `apk add --virtual .build-deps ... && apk del .build-deps` pattern).
std::optional<Hit> FindTool(std::string_view text) {
  for (std::string_view undo : {"apk del", "apt-get purge", "apt-get remove", "apt-get autoremove",
                                "apt purge", "apt remove", "yum remove", "dnf remove"})
    if (text.find(undo) != std::string_view::npos) return std::nullopt;
  static const std::string_view kTools[] = {
      "build-essential", "gcc", "g++", "clang", "cmake", "golang", "maven", "gradle",
      "cargo build", "rustc", "go build", "mvn package", "mvn install", "mvn clean", "npm run build",
      "yarn build", "yarn run build", "pnpm build", "pnpm run build", "dotnet publish",
      "dotnet build", "gradle build", "./gradlew", "ng build"};
  // `make` alone is left out: it is as often a subcommand (`luarocks make`) or a package pulled in
  // with gcc, which is matched anyway.
  std::optional<Hit> best;
  for (std::string_view t : kTools) {
    for (size_t p = text.find(t); p != std::string_view::npos; p = text.find(t, p + 1)) {
      if (!WordAt(text, p, t.size())) continue;
      if (!best || p < best->pos) best = Hit{p, t};
      break;
    }
  }
  return best;
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const dockerfile::Stage* st = df.final_stage();
  // Images meant to carry tools (CI runners, dev containers) do not run a service.
  if (!st || !rules::LooksLikeService(df, *st)) return;
  for (const dockerfile::Stage* s : rules::StageChain(df, *st)) {
    for (const dockerfile::Instruction* ins : s->instructions) {
      if (ins->kind != dockerfile::Keyword::kRun) continue;
      TextRange r;
      std::optional<Hit> hit = FindTool(ins->rest.text);
      if (hit) {
        r = ins->rest.SourceRange(static_cast<uint32_t>(hit->pos),
                                  static_cast<uint32_t>(hit->pos + hit->tool.size()));
      } else {
        // `RUN <<EOF` scripts: the body is the source text itself (unless tabs were stripped).
        for (const dockerfile::Heredoc& h : ins->heredocs) {
          if (h.chomp || !(hit = FindTool(h.content))) continue;
          r = {h.body.start + static_cast<uint32_t>(hit->pos),
               h.body.start + static_cast<uint32_t>(hit->pos + hit->tool.size())};
          break;
        }
      }
      if (!hit) continue;
      generate::MultiStage split = generate::SplitBuildStage(df);
      std::string msg = "`" + std::string(hit->tool) +
                        "` runs in the image that ships: compilers, SDKs and sources stay in it; "
                        "build in a separate stage and COPY --from it only the artifacts";
      if (split.edits.empty()) msg += " (no automatic fix: " + split.refuse + ")";
      auto b = ctx.Report(r, std::move(msg));
      if (split.edits.empty())
        b.WithFix("Move the build into `FROM ... AS build` and copy the result into a slim final stage",
                  Applicability::kDisplayOnly, {});
      else
        b.WithFix("Split into a build stage and a runtime stage with " + split.what,
                  Applicability::kUnsafe, std::move(split.edits));
      return;
    }
  }
}

}  // namespace

extern constinit const Rule kMissingMultiStageBuild{
    .code = "DF115",
    .name = "missing-multi-stage-build",
    .summary = "Build tools run in the final image instead of a build stage",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kEfficiency,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .skips_onbuild = true,  // ONBUILD RUN not covered yet (issue 15 snapshot driver found it)
    .aliases = {},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM golang:1.23\nCOPY . .\nRUN go build -o /app .\nCMD [\"/app\"]\n", .after = "FROM golang:1.23 AS build\nCOPY . .\nRUN go build -o /app .\n\n"
                  "FROM gcr.io/distroless/base-debian12:nonroot\nCOPY --from=build /app /app\nCMD [\"/app\"]\n"
                  "USER nonroot:nonroot\n"},
    .docs = R"md(## What it does
For an image that runs a service, looks at the `RUN` instructions of the final stage and the
stages it builds `FROM`, and reports the first one that installs or runs build tooling: `gcc`,
`g++`, `clang`, `cmake`, `build-essential`, `golang`, `maven`, `gradle`, `rustc`,
`cargo build`, `go build`, `mvn package`, `npm run build`, `yarn build`, `dotnet publish`, ...
A `RUN` that removes its build packages again (`apk del`, `apt-get purge`) is not reported.

## Why is this bad
Compilers, SDKs, sources and intermediate objects end up in the shipped image: hundreds of
megabytes, a larger attack surface (a compiler is very useful to an attacker), and more CVEs to
patch. A multi-stage build compiles in one stage and copies only the result.

## Example
```dockerfile
FROM golang:1.23
WORKDIR /src
COPY . .
RUN go build -o /usr/local/bin/app .
CMD ["app"]
```

## Use instead
```dockerfile
FROM golang:1.23 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app .

FROM gcr.io/distroless/static-debian12
COPY --from=build /out/app /app
CMD ["/app"]
```

## Fix safety
Unsafe, for a single-stage image whose artefacts are known: the stage becomes `AS build` and a
runtime stage is appended that copies only
- a Go binary (`go build -o X`) onto `gcr.io/distroless/base-debian12:nonroot` (or `alpine`
  for an alpine build),
- a Java jar (`java -jar X` after Maven/Gradle) onto `eclipse-temurin:<major>-jre`,
- a Node build served by `serve`/`http-server` onto unprivileged nginx (port 8080), or for a
  Node server the working directory after `npm prune --omit=dev`,
- a Python app whose packages needed compilers: the build installs into a venv, the runtime
  (the `-slim` image) copies the venv and the working directory.

CMD, ENTRYPOINT, EXPOSE, HEALTHCHECK, LABEL, STOPSIGNAL, VOLUME and files copied after the build
move to the runtime stage; ENV, ARG and USER are repeated there. It refuses, and the message says
why, when it cannot carry the image over: other RUN steps after the build, a shell-form command
on distroless, `-dev` libraries the runtime would need, no WORKDIR, an artefact path it cannot
read. Files the program reads at runtime from the source tree (templates, migrations) are not
copied for Go and Java: check them.

## References
- https://docs.docker.com/build/building/multi-stage/
)md",
};

}  // namespace shipshape
