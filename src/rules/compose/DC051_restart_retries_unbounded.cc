// `on-failure` restarts with more than 5 retries.
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  crules::OncePerRange once;
  for (const compose::Service& s : f.services) {
    const compose::Value& r = s.restart;
    if (r.present() && r.source == 0 && r.known && r.text.rfind("on-failure:", 0) == 0) {
      const std::string n = r.text.substr(11);
      char* end = nullptr;
      const long count = std::strtol(n.c_str(), &end, 10);
      if (end && *end == '\0' && count > 5) {
        std::optional<DiagnosticBuilder> b = once.Report(
            ctx, f, &s, r.range,
            "service `" + s.name + "` retries " + n + " times on failure; more than 5 hides a crash loop");
        if (b && r.node)
          if (std::optional<Edit> e = crules::EditorFor(f).ReplaceScalar(*r.node, "on-failure:5"))
            b->WithFix("Retry at most 5 times", Applicability::kUnsafe, {*e});
      }
    }
    const compose::Value& m = s.restart_policy_max_attempts;
    if (m.present() && m.source == 0 && m.AsInt() && *m.AsInt() > 5) {
      std::optional<DiagnosticBuilder> b = once.Report(
          ctx, f, &s, m.range,
          "service `" + s.name + "` allows " + m.text + " restart attempts; more than 5 hides a crash loop");
      if (b && m.node) b->WithFix("Allow at most 5 attempts", Applicability::kUnsafe, {Edit::Replace(m.range, "5")});
    }
  }
}

}  // namespace

extern constinit const Rule kRestartRetriesUnbounded{
    .code = "DC051",
    .name = "restart-retries-unbounded",
    .summary = "`on-failure` restart policy with more than 5 retries",
    .target = Target::kCompose,
    .severity = Severity::kInfo,
    .category = Category::kReliability,
    .fix = FixAvailability::kAlways,
    .status = Status::kStable,
    .aliases = {{"cis", "5.15"}, {"kics", "Restart Policy On Failure Not Set To 5"}},
    .check_compose = Check,
    .fix_example = {.before = "services:\n  w:\n    image: a:1\n    restart: on-failure:20\n", .after = "services:\n  w:\n    image: a:1\n    restart: on-failure:5\n"},
    .docs = R"md(## What it does
Flags `restart: on-failure:N` and `deploy.restart_policy.max_attempts: N` with N above 5.

## Why is this bad
A service that fails more than a handful of times in a row will not recover by itself; endless
retries only hide the crash loop from monitoring and can hammer dependencies. CIS Docker
Benchmark 5.15 (5.14 before v1.6.0) caps retries at 5.

## Example
```yaml
services:
  worker:
    image: myorg/worker:3.0
    restart: on-failure:20
```

## Use instead
```yaml
services:
  worker:
    image: myorg/worker:3.0
    restart: on-failure:5
```

## Fix safety
Unsafe: the service gives up sooner, by design.

## References
- https://docs.docker.com/reference/compose-file/services/#restart
- CIS Docker Benchmark v1.6.0, 5.15
)md",
};

}  // namespace shipshape
