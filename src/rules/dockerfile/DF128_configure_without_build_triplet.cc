// `./configure` without --build=.
#include <cctype>

#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

/// The variable holding `$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)` in the script, or "".
std::string GnuArchVariable(std::string_view script) {
  size_t at = script.find("dpkg-architecture --query DEB_BUILD_GNU_TYPE");
  if (at == std::string_view::npos) at = script.find("dpkg-architecture -qDEB_BUILD_GNU_TYPE");
  if (at == std::string_view::npos) return {};
  size_t eq = script.rfind('=', at);
  if (eq == std::string_view::npos) return {};
  size_t start = eq;
  while (start > 0 && (std::isalnum(static_cast<unsigned char>(script[start - 1])) ||
                       script[start - 1] == '_'))
    --start;
  // Only `name="$(dpkg-architecture ...)"` right before the command substitution.
  std::string_view between = script.substr(eq + 1, at - eq - 1);
  if (start == eq || (between != "\"$(" && between != "$(")) return {};
  return std::string(script.substr(start, eq - start));
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    for (const Cmd& c : r->cmds) {
      if (c.name() != "configure" || c.command().argv.empty()) continue;
      // A configure script run by path (`./configure`, `../src/configure`), not a command named so.
      if (c.command().argv[0].value().find('/') == std::string_view::npos) continue;
      bool has_build = false;
      for (const shell::Word& w : c.args())
        has_build = has_build || w.raw.starts_with("--build") || w.raw.starts_with("\"--build");
      if (has_build) continue;
      std::optional<Fix> fix;
      const std::string var = GnuArchVariable(c.seg->text());
      const shell::Word& name = c.inv().name_word();
      if (!var.empty()) {
        fix = MakeFix("Add --build=\"$" + var + "\"", Applicability::kUnsafe,
                      {InsertAfter(c, name, "--build=\"$" + var + "\"")});
      } else if (r->stage && an.Family(*r->stage) == BaseFamily::kDebian &&
                 c.seg->text().find("dpkg-dev") != std::string_view::npos) {
        fix = MakeFix("Add --build from dpkg-architecture", Applicability::kUnsafe,
                      {InsertAfter(c, name,
                                   "--build=\"$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)\"")});
      }
      Emit(ctx, c.Range(name),
           "./configure without --build guesses the build system type with an old config.guess, "
           "which fails on newer architectures (arm64, ppc64le, s390x)",
           std::move(fix));
    }
  }
}

}  // namespace

extern constinit const Rule kConfigureWithoutBuildTriplet{
    .code = "DF128",
    .name = "configure-without-build-triplet",
    .summary = "./configure runs without --build=<triplet>",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kReliability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kPreview,
    .aliases = {{"parfum", "configureShouldUseBuildFlag"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM debian:12\nRUN gnuArch=\"$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)\" && ./configure --prefix=/usr\n", .after = "FROM debian:12\nRUN gnuArch=\"$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)\" && ./configure --build=\"$gnuArch\" --prefix=/usr\n"},
    .docs = R"md(## What it does
Flags an autoconf `configure` script run by path (`./configure`) without `--build=`.

## Why is this bad
Without `--build`, configure runs the project's bundled `config.guess`, often years older than
the machine: on arm64, ppc64le or s390x builders it cannot name the system and configure stops.
Passing the triplet the distribution knows (`dpkg-architecture --query DEB_BUILD_GNU_TYPE` on
Debian) makes multi-architecture builds work; the official images all do this.

## Example
```dockerfile
RUN apt-get install -y --no-install-recommends dpkg-dev gcc make \
 && ./configure --prefix=/usr/local && make
```

## Use instead
```dockerfile
RUN apt-get install -y --no-install-recommends dpkg-dev gcc make \
 && gnuArch="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)" \
 && ./configure --build="$gnuArch" --prefix=/usr/local && make
```

## Fix safety
Unsafe, and only offered when the triplet is at hand: when the script already assigns it from
`dpkg-architecture` (`--build="$gnuArch"` is added) or installs `dpkg-dev` on a Debian-family
image (`--build="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)"` is added). Elsewhere only
reported.

## References
- https://www.gnu.org/software/autoconf/manual/autoconf.html#Specifying-Target-Triplets
- Parfum configureShouldUseBuildFlag
)md",
};

}  // namespace shipshape
