// rpm-family package signature or TLS checks turned off.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

using namespace rules::run;

// `gpgcheck=0`, `repo.gpgcheck=false`, `sslverify=0` ...
std::string DisabledSetting(std::string_view setting) {
  std::string l = Lower(setting);
  size_t eq = l.find('=');
  if (eq == std::string::npos || !Falsy(l.substr(eq + 1))) return {};
  std::string key = l.substr(0, eq);
  size_t dot = key.rfind('.');
  if (dot != std::string::npos) key = key.substr(dot + 1);
  if (key == "gpgcheck" || key == "repo_gpgcheck" || key == "localpkg_gpgcheck" ||
      key == "sslverify")
    return key;
  return {};
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    for (const Cmd& c : r->cmds) {
      std::string_view n = c.name();
      RpmTool t = RpmToolOf(n);
      const bool rpm = n == "rpm";
      if (t == RpmTool::kNone && !rpm) continue;
      const shell::OptionSyntax& syn = shell::OptionSyntaxFor(
          t == RpmTool::kZypper ? shell::PackageManager::kZypper : shell::PackageManager::kYum);
      for (const shell::Arg& a : shell::ParseArgs(c.args(), rpm ? shell::OptionSyntax{} : syn)) {
        if (a.kind != shell::ArgKind::kLong) continue;
        std::string what;
        if (rpm && (a.long_name == "nodigest" || a.long_name == "nosignature" ||
                    a.long_name == "noverify" || a.long_name == "nofiledigest"))
          what = "rpm --" + std::string(a.long_name) + " skips package verification";
        else if (!rpm && (a.long_name == "nogpgcheck" || a.long_name == "no-gpg-checks"))
          what = std::string(n) + " --" + std::string(a.long_name) +
                 " installs packages without checking their signatures";
        else if (!rpm && a.long_name == "setopt" && a.has_value) {
          std::string key = DisabledSetting(a.value);
          if (key == "sslverify")
            what = std::string(n) + " with sslverify off downloads over unverified TLS";
          else if (!key.empty())
            what = std::string(n) + " with " + key + " off installs unsigned packages";
        }
        if (what.empty()) continue;
        const shell::Word& last = a.value_word ? *a.value_word : *a.word;
        Emit(ctx, Span(c, *a.word, last), what,
             MakeFix("Remove the option", Applicability::kUnsafe, {RemoveWords(c, *a.word, last)}));
      }
    }
  }
}

}  // namespace

extern constinit const Rule kRpmSignatureCheckDisabled{
    .code = "DF062",
    .name = "rpm-signature-check-disabled",
    .summary = "yum/dnf/zypper/rpm install packages without verifying signatures",
    .target = Target::kDockerfile,
    .severity = Severity::kError,
    .category = Category::kSecurity,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"checkov", "CKV2_DOCKER_9"}, {"checkov", "CKV2_DOCKER_10"},
                {"checkov", "CKV2_DOCKER_15"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM fedora:40\nRUN dnf install -y --nogpgcheck x\n", .after = "FROM fedora:40\nRUN dnf install -y x\n"},
    .docs = R"md(## What it does
Flags `--nogpgcheck` (yum, dnf, tdnf, microdnf), zypper `--no-gpg-checks`,
`--setopt=gpgcheck=0` / `--setopt=sslverify=0` (also per repository, `repo.gpgcheck=0`), and
`rpm --nodigest`, `--nosignature`, `--noverify`, `--nofiledigest`.

## Why is this bad
Signature and TLS checks are what keep a tampered mirror or a network attacker from putting their
own packages into the image.

## Example
```dockerfile
RUN dnf install -y --nogpgcheck mypkg
```

## Use instead
```dockerfile
RUN rpm --import https://example.com/RPM-GPG-KEY && dnf install -y mypkg
```

## Fix safety
Unsafe: removes the option. The build then fails until the repository's key is imported.

## References
- Checkov CKV2_DOCKER_9, CKV2_DOCKER_10, CKV2_DOCKER_15
)md",
};

}  // namespace shipshape
