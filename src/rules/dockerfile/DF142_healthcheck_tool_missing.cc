// HEALTHCHECK runs curl or wget in an image that, by its base, does not contain that tool.
#include <algorithm>
#include <string>
#include <vector>

#include "dockerfile/dockerfile.h"
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

using dockerfile::Instruction;
using dockerfile::Keyword;
using rules::run::BaseFamily;

// What the base image (its repository, e.g. "node", and family) ships of curl and wget. Only
// images whose contents we know are judged: the distribution images and the official language
// images' slim and Alpine variants. Unknown repositories (nginx:alpine ships curl) are skipped.
struct Tools {
  bool known = false;
  bool curl = false;
  bool wget = false;
  bool shell = true;
};

Tools ToolsOf(const dockerfile::ImageRef& ref, BaseFamily fam) {
  Tools t;
  std::string repo = ref.repository;
  if (!ref.registry.empty() && ref.registry != "docker.io") {
    if (ref.registry == "gcr.io" && repo.rfind("distroless/", 0) == 0) {
      t.known = true;
      t.shell = ref.tag.find("debug") != std::string::npos;  // :debug variants add busybox
    }
    return t;
  }
  const std::string tag = Lower(ref.tag);
  static const std::vector<std::string> kLanguage = {"node", "python", "golang", "ruby", "rust",
                                                     "openjdk", "eclipse-temurin", "perl"};
  const bool language = std::find(kLanguage.begin(), kLanguage.end(), repo) != kLanguage.end();
  if (fam == BaseFamily::kAlpine && (repo == "alpine" || language)) {
    t.known = true;
    t.wget = true;  // busybox wget
    return t;
  }
  if (repo == "busybox") {
    t.known = true;
    t.wget = true;
    return t;
  }
  if (repo == "debian" || repo == "ubuntu" ||
      (language && fam == BaseFamily::kDebian && tag.find("slim") != std::string::npos)) {
    t.known = true;  // neither curl nor wget
    return t;
  }
  return t;
}

// True if a RUN of the chain installs `tool` (any package manager) or a COPY brings a file of
// that name into the image.
bool Installed(const dockerfile::Dockerfile& df, const dockerfile::Stage& st,
               const rules::run::Analysis& an, std::string_view tool) {
  std::vector<const dockerfile::Stage*> chain = rules::StageChain(df, st);
  for (const auto& r : an.runs()) {
    for (const rules::run::Cmd& c : r->cmds) {
      // Named in any RUN of the file (e.g. packages fetched in a builder stage and installed from
      // .deb files in the final one): give it the benefit of the doubt.
      for (const shell::Word& w : c.args()) {
        std::string_view v = w.value();
        if (v.substr(0, v.find_first_of("=<>~")) == tool) return true;
      }
    }
    if (std::find(chain.begin(), chain.end(), r->stage) == chain.end()) continue;
    for (const rules::run::Cmd& c : r->cmds) {
      if (c.name() == "dpkg" || c.name() == "rpm") return true;  // local packages: unknown
      std::optional<shell::PackageInstall> in = rules::run::InstallOf(
          c, {shell::PackageManager::kAptGet, shell::PackageManager::kApt,
              shell::PackageManager::kApk, shell::PackageManager::kYum,
              shell::PackageManager::kDnf, shell::PackageManager::kMicrodnf,
              shell::PackageManager::kZypper});
      if (in) {
        for (const shell::Word* w : in->packages) {
          std::string_view v = w->value();
          v = v.substr(0, v.find_first_of("=<>~"));
          if (v == tool || v == std::string(tool) + "-minimal") return true;
        }
      }
      // Downloaded or built by hand: give it the benefit of the doubt.
      for (const shell::Word& w : c.args())
        if (w.value().find(std::string("/") + std::string(tool)) != std::string_view::npos)
          return true;
    }
  }
  for (const dockerfile::Stage* s : chain)
    for (const Instruction* ins : s->instructions)
      if ((ins->kind == Keyword::kCopy || ins->kind == Keyword::kAdd) &&
          ins->rest.text.find(std::string(tool)) != std::string::npos)
        return true;
  return false;
}

std::optional<Fix> InstallFix(const dockerfile::Dockerfile& df, const dockerfile::Stage& st,
                              const Instruction& hc, BaseFamily fam, std::string_view tool,
                              RuleContext& ctx) {
  std::optional<uint32_t> at = rules::run::RootInsertPoint(df, st, hc, ctx.source());
  if (!at) return std::nullopt;
  std::optional<Fix> f =
      rules::run::MakeFix("Install " + std::string(tool) + " in the final stage",
                          Applicability::kUnsafe,
                          {rules::run::InstallPackageAt(fam, tool, *at, ctx.source())});
  if (f) f->isolation_group = rules::run::kUserIsolationGroup;
  return f;
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const dockerfile::Stage* st = df.final_stage();
  if (!st) return;
  const Instruction* hc = rules::LastInChain(df, *st, Keyword::kHealthcheck);
  if (!hc || hc->args.size() < 2 || Upper(hc->args[0].value) != "CMD") return;
  const bool shell_form = !hc->json_form;
  std::string_view first;
  if (shell_form) {
    std::string_view text = hc->args[1].value;
    size_t b = text.find_first_not_of(" \t");
    if (b == std::string_view::npos) return;
    text = text.substr(b);
    first = text.substr(0, text.find_first_of(" \t"));
  } else {
    first = hc->args[1].value;
  }
  const std::string_view tool = rules::BaseName(first);
  const dockerfile::Stage& root = rules::RootStage(df, *st);
  const rules::run::Analysis& an = rules::run::SharedAnalysis(df, ctx);
  const BaseFamily fam = an.Family(*st);
  dockerfile::ImageRef ref;
  Tools t;
  if (rules::IsScratch(root.base_resolved)) {
    ref.repository = "scratch";
    t.known = true;
    t.shell = false;
  } else {
    std::optional<dockerfile::ImageRef> r = rules::ExternalBase(df, root);
    if (!r || r->has_variable) return;
    ref = *r;
    t = ToolsOf(ref, fam);
  }
  if (!t.known) return;
  if (!t.shell && shell_form && !Installed(df, *st, an, "sh")) {
    ctx.Report(hc->range, "the shell-form HEALTHCHECK runs under /bin/sh, which the " +
                              ref.repository +
                              " base image does not contain; the check always fails (use the "
                              "exec form, HEALTHCHECK CMD [\"/app\", \"--health\"])");
    return;
  }
  const bool missing = (tool == "curl" && !t.curl) || (tool == "wget" && !t.wget);
  if (!missing || Installed(df, *st, an, tool)) return;
  DiagnosticBuilder b = ctx.Report(
      hc->range, "the HEALTHCHECK runs `" + std::string(tool) + "`, which the " +
                     ref.repository + (ref.tag.empty() ? "" : ":" + ref.tag) +
                     " base image does not contain and no RUN installs; the container will be "
                     "marked unhealthy" +
                     (tool == "curl" && t.wget ? " (busybox `wget -q --spider URL` is available)"
                                               : ""));
  if (std::optional<Fix> f = InstallFix(df, *st, *hc, fam, tool, ctx)) b.WithFix(std::move(*f));
}

}  // namespace

extern constinit const Rule kHealthcheckToolMissing{
    .code = "DF142",
    .name = "healthcheck-tool-missing",
    .summary = "HEALTHCHECK calls curl or wget, which the final image does not contain",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM node:20-alpine\nHEALTHCHECK CMD curl -f http://localhost:3000/ || exit 1\n", .after = "FROM node:20-alpine\nRUN apk add --no-cache curl\n"
                  "HEALTHCHECK CMD curl -f http://localhost:3000/ || exit 1\n"},
    .docs = R"md(## What it does
Reads the final stage's `HEALTHCHECK CMD` and flags it when the program it starts is `curl` or
`wget` and the base image is known not to ship it, while no `RUN` of the stage (or the stages it
builds on) installs it: `curl` on `alpine` or the official language images' `-alpine` variants
(they have only busybox `wget`), `curl`/`wget` on `debian`, `ubuntu` and the `-slim` variants.
A shell-form check on a distroless image (no `/bin/sh`) and any check on an image built `FROM
scratch` are flagged too. Images whose contents are not known (for example `nginx:alpine`, which
does ship curl) are not judged.

## Why is this bad
The probe fails with "not found" every time, so Docker marks a healthy container unhealthy:
`depends_on: condition: service_healthy` never starts the dependants, orchestrators restart the
container in a loop, and the real health of the service is never checked.

## Example
```dockerfile
FROM node:20-alpine
COPY . /app
HEALTHCHECK CMD curl -f http://localhost:3000/health || exit 1
CMD ["node", "/app/server.js"]
```

## Use instead
```dockerfile
FROM node:20-alpine
COPY . /app
RUN apk add --no-cache curl
HEALTHCHECK CMD curl -f http://localhost:3000/health || exit 1
CMD ["node", "/app/server.js"]
```
or use what the image has: `HEALTHCHECK CMD wget -q --spider http://localhost:3000/health`.

## Fix safety
Unsafe: on Alpine- and Debian-based images the fix installs the tool (`apk add --no-cache`, or
`apt-get install` with list cleanup) right before the HEALTHCHECK, or before the stage's first
`USER` while the build still runs as root. It adds a package to the image. No fix for other
families, distroless or scratch images.

## References
- https://docs.docker.com/reference/dockerfile/#healthcheck
)md",
};

}  // namespace shipshape
