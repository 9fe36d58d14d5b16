// apt-get with package signature checks turned off.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

using namespace rules::run;

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  const shell::OptionSyntax& syn = shell::OptionSyntaxFor(shell::PackageManager::kAptGet);
  for (const auto& r : an.runs()) {
    for (const Cmd& c : r->cmds) {
      if (c.name() != "apt-get" && c.name() != "apt") continue;
      for (const shell::Arg& a : shell::ParseArgs(c.args(), syn)) {
        bool bad = false;
        std::string what;
        if (a.kind == shell::ArgKind::kLong &&
            (a.long_name == "allow-unauthenticated" ||
             a.long_name == "allow-insecure-repositories")) {
          bad = true;
          what = "--" + std::string(a.long_name);
        } else if (a.has_value && ((a.kind == shell::ArgKind::kShort && a.short_name == 'o') ||
                                   (a.kind == shell::ArgKind::kLong && a.long_name == "option"))) {
          std::string l = Lower(a.value);
          size_t eq = l.find('=');
          std::string key = l.substr(0, eq);
          if ((key == "apt::get::allowunauthenticated" ||
               key == "acquire::allowinsecurerepositories") &&
              eq != std::string::npos && Truthy(l.substr(eq + 1))) {
            bad = true;
            what = std::string(a.value);
          }
        }
        if (!bad) continue;
        const shell::Word& last = a.value_word ? *a.value_word : *a.word;
        Emit(ctx, Span(c, *a.word, last),
             what + " lets apt install packages whose signatures it could not verify",
             MakeFix("Remove " + what, Applicability::kUnsafe, {RemoveWords(c, *a.word, last)}));
      }
    }
  }
}

}  // namespace

extern constinit const Rule kAptAllowUnauthenticated{
    .code = "DF047",
    .name = "apt-allow-unauthenticated",
    .summary = "apt-get installs packages without verifying their signatures",
    .target = Target::kDockerfile,
    .severity = Severity::kError,
    .category = Category::kSecurity,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"checkov", "CKV2_DOCKER_8"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM debian:12\nRUN apt-get install -y --allow-unauthenticated curl\n", .after = "FROM debian:12\nRUN apt-get install -y curl\n"},
    .docs = R"md(## What it does
Flags `apt-get`/`apt` with `--allow-unauthenticated`, `--allow-insecure-repositories`, or the
`-o APT::Get::AllowUnauthenticated=true` / `-o Acquire::AllowInsecureRepositories=true` options.

## Why is this bad
Signature checks are what stop a compromised mirror or a network attacker from substituting
packages. With them off, whatever the network returns is installed as root into the image.

## Example
```dockerfile
RUN apt-get install -y --allow-unauthenticated mypkg
```

## Use instead
```dockerfile
COPY mypkg-archive.gpg /etc/apt/keyrings/
RUN apt-get install -y mypkg
```

## Fix safety
Unsafe: removes the option. The build fails if the repository is in fact unsigned; then add its
key (`signed-by=`) instead.

## References
- https://manpages.debian.org/apt-get
- Checkov CKV2_DOCKER_8
)md",
};

}  // namespace shipshape
