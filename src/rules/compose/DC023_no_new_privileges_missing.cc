// `security_opt` without `no-new-privileges:true`.
#include "rules/compose/compose_util.h"
#include "core/strings.h"

namespace shipshape {
namespace {

using compose::edit::YamlValue;

// Mail servers hand mail to setgid/setuid helpers (postfix's `sendmail` runs setgid `postdrop`,
// exim's binary is setuid root): `no-new-privileges` silently breaks local submission. No fix
// there (Mailu's postfix image, issue 16).
bool SetidHelpersNeeded(const compose::ComposeFile& f, const compose::Service& s) {
  const std::string ref = Lower(crules::ImageOf(f, s).text);
  for (std::string_view d : {"postfix", "exim", "sendmail", "opensmtpd", "mailserver"})
    if (ref.find(d) != std::string::npos) return true;
  return false;
}

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  const bool swarm = crules::FileRoleOf(f, ctx).role == compose::FileRole::kSwarmStack;
  for (const compose::Service& s : f.services) {
    if (s.source != 0 || crules::CannotJudgeMissing(f, s, ctx.file().path, {"security_opt"})) continue;
    if (crules::HasSecurityOpt(f, s, "no-new-privileges", "true")) continue;
    if (crules::InChain(f, s, [](const compose::Service& x) {
          for (const compose::Value& v : x.security_opt)
            if (!v.known) return true;  // unknown entry: may be the option
          return false;
        }))
      continue;
    const bool disabled = crules::HasSecurityOpt(f, s, "no-new-privileges", "false");
    DiagnosticBuilder b = ctx.Report(
        s.name_range, "service `" + s.name + "` " +
                          (disabled ? std::string("disables `no-new-privileges`")
                                    : std::string("does not set `no-new-privileges:true`")) +
                          ": setuid binaries in it can still raise privileges" +
                          (swarm ? std::string("; a Swarm stack ignores `security_opt`, so no fix is offered here")
                                 : std::string()));
    if (swarm || !crules::OwnsMapping(f, s) || SetidHelpersNeeded(f, s)) continue;
    const compose::edit::Editor ed = crules::EditorFor(f);
    const yaml::Entry* e = s.Find("security_opt");
    std::optional<Edit> edit;
    if (e && !e->merged_via && !e->value_is_alias && e->value->IsSequence()) {
      // Replace an explicit `no-new-privileges:false`, else append.
      for (const yaml::Item& it : e->value->items) {
        if (it.is_alias || !it.node->IsScalar()) continue;
        std::string t = Lower(it.node->value);
        if (t.rfind("no-new-privileges", 0) == 0) edit = ed.ReplaceScalar(*it.node, "no-new-privileges:true");
      }
      if (!edit && (!e->value->items.empty() || compose::edit::IsFlow(f.text, *e->value)))
        edit = ed.AppendItem(*e->value, YamlValue::Str("no-new-privileges:true"));
    } else if (!e && !crules::InChain(f, s, [](const compose::Service& x) { return !x.security_opt.empty(); })) {
      edit = crules::InsertIntoService(f, s, {{"security_opt", YamlValue::Seq({YamlValue::Str("no-new-privileges:true")})}});
    }
    if (edit) b.WithFix("Add `no-new-privileges:true` to security_opt", Applicability::kUnsafe, {*edit});
  }
}

}  // namespace

extern constinit const Rule kNoNewPrivilegesMissing{
    .code = "DC023",
    .name = "no-new-privileges-missing",
    .summary = "`security_opt` lacks `no-new-privileges:true`",
    .target = Target::kCompose,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"cis", "5.26"}, {"kics", "No New Privileges Not Set"}, {"kics", "Security Opt Not Set"}},
    .check_compose = Check,
    .fix_example = {.before = "services:\n  smtp:\n    image: mailu/postfix:2024.06\n", .after = "services:\n  smtp:\n    image: mailu/postfix:2024.06\n"},
    .docs = R"md(## What it does
Flags services whose `security_opt` (own, merged from an anchor, or inherited through `extends`)
does not contain `no-new-privileges`, `no-new-privileges:true` or `no-new-privileges=true`, and
services that set it to `false`.

## Why is this bad
Without the flag, a process in the container can gain privileges through setuid/setgid binaries
or file capabilities (`su`, `sudo`, `ping` in some images): an attacker who gets code execution
as the application user can climb to root inside the container, one step from the host. With it,
the kernel refuses any privilege gain after `exec`. CIS Docker Benchmark 5.26 (5.25 before
v1.6.0) asks for it.

## Example
```yaml
services:
  api:
    image: myorg/api:1.4
```

## Use instead
```yaml
services:
  api:
    image: myorg/api:1.4
    security_opt:
      - no-new-privileges:true
```

## Fix safety
Unsafe: an entrypoint that switches user with `su`, `sudo` or another setuid helper stops working
(`gosu` and `setpriv`, used by most official images, keep working because they run as root and
need no privilege gain). The fix appends to the service's own `security_opt` list (or replaces an
explicit `:false`), or adds the key; a list inherited from an anchor is left alone.

No fix in a Swarm stack file: `docker stack deploy` ignores `security_opt`. No fix for mail
servers (postfix, exim, sendmail, OpenSMTPD, docker-mailserver images): local submission goes
through setgid/setuid helpers (`postdrop`, the setuid `exim` binary), which the option disables.

## References
- https://docs.docker.com/reference/cli/docker/container/run/#security-opt
- https://www.kernel.org/doc/html/latest/userspace-api/no_new_privs.html
- CIS Docker Benchmark v1.6.0, 5.26
)md",
};

}  // namespace shipshape
