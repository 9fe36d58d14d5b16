// `security_opt` turning off seccomp, AppArmor or SELinux confinement.
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

std::string_view Disabled(std::string_view opt) {
  std::string t = Lower(opt);
  t.erase(std::remove(t.begin(), t.end(), ' '), t.end());
  for (char& c : t)
    if (c == '=') c = ':';
  if (t == "seccomp:unconfined") return "the seccomp system-call filter";
  if (t == "apparmor:unconfined") return "the AppArmor profile";
  if (t == "label:disable") return "SELinux labelling";
  if (t == "systempaths:unconfined") return "the masking of /proc and /sys paths";
  return {};
}

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  crules::OncePerRange once;
  for (const compose::Service& s : f.services) {
    const yaml::Entry* entry = s.Find("security_opt");
    const bool own_list = entry && !entry->merged_via && !entry->value_is_alias && entry->value->IsSequence() &&
                          crules::OwnsMapping(f, s);
    for (size_t i = 0; i < s.security_opt.size(); ++i) {
      const compose::Value& v = s.security_opt[i];
      if (!v.present() || v.source != 0 || !v.known) continue;
      std::string_view what = Disabled(v.text);
      if (what.empty()) continue;
      std::optional<DiagnosticBuilder> b =
          once.Report(ctx, f, &s, v.range,
                      "service `" + s.name + "` turns off " + std::string(what) + " (`" + v.text + "`)");
      if (!b || !own_list) continue;
      const yaml::Node& seq = *entry->value;
      size_t index = seq.items.size();
      for (size_t k = 0; k < seq.items.size(); ++k)
        if (seq.items[k].node == v.node && !seq.items[k].is_alias) index = k;
      if (index == seq.items.size()) continue;
      const compose::edit::Editor ed = crules::EditorFor(f);
      std::optional<Edit> e;
      if (seq.items.size() > 1) {
        e = ed.DeleteItem(seq, index);
      } else if (std::optional<size_t> at = crules::EntryIndex(*s.node, "security_opt")) {
        e = ed.DeleteEntry(*s.node, *at);
      }
      if (e) b->WithFix("Remove `" + v.text + "`", Applicability::kUnsafe, {*e});
    }
  }
}

}  // namespace

extern constinit const Rule kSecurityProfileDisabled{
    .code = "DC036",
    .name = "security-profile-disabled",
    .summary = "`security_opt` disables seccomp, AppArmor or SELinux confinement",
    .target = Target::kCompose,
    .severity = Severity::kError,
    .category = Category::kSecurity,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"cis", "5.22"}, {"cis", "5.2"}, {"kics", "Default Seccomp Profile Disabled"}},
    .check_compose = Check,
    .fix_example = {.before = "services:\n  app:\n    image: myorg/app:1.0\n    security_opt:\n      - seccomp:unconfined\n", .after = "services:\n  app:\n    image: myorg/app:1.0\n"},
    .docs = R"md(## What it does
Flags `security_opt` entries `seccomp:unconfined`, `apparmor:unconfined`, `label:disable` and
`systempaths=unconfined` (with `:` or `=`, any case).

## Why is this bad
These profiles are what stands between a process in the container and the host kernel's
attack surface: Docker's default seccomp profile blocks around 50 rarely needed system calls
(`keyctl`, `unshare`, `mount`...) behind many container escapes; AppArmor and SELinux confine
file and capability use. CIS Docker Benchmark 5.22 (seccomp) and 5.2 (AppArmor).

## Example
```yaml
services:
  app:
    image: myorg/app:1.0
    security_opt:
      - seccomp:unconfined
```

## Use instead
```yaml
services:
  app:
    image: myorg/app:1.0
    security_opt:
      - seccomp:./seccomp-app.json   # the default profile plus the one call the app needs
```

## Fix safety
Unsafe: the entry is removed (and the `security_opt` key when it was the only entry), which
restores the default profile; a workload that really needs a blocked call then fails and needs
a custom profile instead.

## References
- https://docs.docker.com/engine/security/seccomp/
- https://docs.docker.com/engine/security/apparmor/
- CIS Docker Benchmark v1.6.0, 5.2 and 5.22
)md",
};

}  // namespace shipshape
