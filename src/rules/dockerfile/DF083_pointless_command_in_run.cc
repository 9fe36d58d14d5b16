// Commands that make no sense in a build step.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

bool Listed(std::string_view n) {
  for (std::string_view x : {"ssh", "vim", "shutdown", "service", "ps", "free", "top", "kill",
                             "mount"})
    if (n == x) return true;
  return false;
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    bool background = r->Any([](const Cmd& x) {
      return x.command().connector == shell::Connector::kBackground;
    });
    for (size_t i = 0; i < r->cmds.size(); ++i) {
      const Cmd& c = r->cmds[i];
      if (!Listed(c.name())) continue;
      // Starting a service to run setup commands against it, then stopping it or killing a
      // process started in the background, are real build patterns.
      if (c.name() == "kill" && background) continue;
      if (c.name() == "service") {
        const auto args = c.args();
        bool stop = args.size() >= 2 && args[1].Is("stop");
        bool used = r->AnyAfter(i, [](const Cmd& x) { return !IsTrivialOrCleanup(x); });
        if (stop || used) continue;
      }
      std::string_view why =
          c.name() == "shutdown" ? "there is no system to shut down during a build"
          : c.name() == "mount"  ? "mounting needs privileges a build does not have; use RUN --mount"
          : c.name() == "service" ? "a service started in RUN stops when the step ends; start it in the entrypoint"
          : c.name() == "vim"     ? "an editor needs a terminal the build does not have"
          : c.name() == "ssh"     ? "interactive remote logins do not belong in a build; use RUN --mount=type=ssh for keys"
                                  : "process and memory tools report on the build container only";
      Emit(ctx, c.Range(c.inv().name_word()),
           "`" + std::string(c.name()) + "` in RUN: " + std::string(why));
    }
  }
}

}  // namespace

extern constinit const Rule kPointlessCommandInRun{
    .code = "DF083",
    .name = "pointless-command-in-run",
    .summary = "RUN calls a tool that is pointless in a build (ssh, vim, shutdown, ps...)",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kMaintainability,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3001"}, {"kics", "Run Utilities And POSIX Commands"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags `ssh`, `vim`, `shutdown`, `service`, `ps`, `free`, `top`, `kill` and `mount` run in a
`RUN`. Not flagged: `service X start` followed by commands that use the service (database setup),
`service X stop`, and `kill` in a `RUN` that started a background process.

## Why is this bad
A build step has no terminal, no init system and no privileges: these commands do nothing useful,
hang, or fail, and usually show a misunderstanding of what runs at build time versus run time.

## Example
```dockerfile
RUN service nginx start
```

## Use instead
```dockerfile
CMD ["nginx", "-g", "daemon off;"]
```

## Fix safety
No fix.

## References
- hadolint DL3001
)md",
};

}  // namespace shipshape
