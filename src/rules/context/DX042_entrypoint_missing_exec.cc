// An entrypoint script that starts the main process as a child instead of exec-ing it, so the
// process never receives `docker stop`'s SIGTERM.
#include "rules/context/cases.h"
#include "rules/context/context_util.h"
#include "rules/context/script_util.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using context::At;

/// Commands that cannot be the long-running main process.
bool IsBuiltinish(std::string_view n) {
  static const std::string_view kNames[] = {
      "exit", "echo",   "printf", "true",  "false", "wait",  "sleep", "return", "set",  "export",
      "cd",   "trap",   ":",      "[",     "[[",    "test",  "unset", "shift",  "source", ".",
      "eval", "read",   "local",  "chmod", "chown", "mkdir", "rm",    "cp",     "mv",   "ln",
      "touch", "cat",   "envsubst", "sed", "umask", "ulimit", "shopt", "readonly", "declare"};
  for (std::string_view k : kNames)
    if (n == k) return true;
  return false;
}

void Check(const SourceFile& file, RuleContext& ctx) {
  if (file.kind != FileKind::kEntrypoint) return;
  const std::string_view text = file.text;
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return;
  const context::Shebang sb = context::ParseShebang(text);
  if (sb.present && !sb.is_shell) return;
  const auto parsed = context::ParseScript(text);
  const shell::Script& script = parsed->script;
  bool traps_term = false, waits = false;
  const shell::Command* last = nullptr;
  for (const shell::Command& c : script.commands) {
    const std::string_view name = c.name();
    // `exec prog ...` anywhere (also inside a branch or a function) hands PID 1 to the program;
    // `exec >log 2>&1` only redirects and does not count.
    if (name == "exec" && c.argv.size() > 1) return;
    if (name == "trap") {
      for (size_t k = 1; k < c.argv.size(); ++k) {
        std::string_view a = c.argv[k].value();
        if (a == "TERM" || a == "SIGTERM" || a == "INT" || a == "SIGINT" || a == "15" || a == "QUIT")
          traps_term = true;
      }
    }
    if (name == "wait") waits = true;
    if (c.depth == 0 && !c.argv.empty()) last = &c;
  }
  // A script that forwards signals itself (trap ... TERM + wait) is a deliberate supervisor.
  if (traps_term && waits) return;

  auto d = ctx.Report(last ? last->range : TextRange::At(0),
                      "the main process is never started with `exec`: it runs as a child of the "
                      "shell, which as PID 1 does not forward SIGTERM, so `docker stop` waits 10 s "
                      "and then kills it without a clean shutdown");
  const bool runnable = last && last->connector != shell::Connector::kBackground &&
                        last->connector != shell::Connector::kPipe &&
                        last->connector != shell::Connector::kPipeAll &&
                        last->connector != shell::Connector::kAnd &&
                        last->connector != shell::Connector::kOr && last->pipeline < 0 &&
                        last->assignments.empty() && !last->negated &&
                        !context::IsConditional(script, static_cast<size_t>(last - script.commands.data())) &&
                        !IsBuiltinish(last->name());
  if (runnable) {
    d.WithFix("Prefix the last command with `exec`", Applicability::kUnsafe,
              {Edit::Insert(last->range.start, "exec ")});
  } else {
    Fix advice;
    advice.title = "End the script with `exec \"$@\"` (or `exec` the service command)";
    advice.applicability = Applicability::kDisplayOnly;
    d.WithFix(std::move(advice));
  }
}

}  // namespace

extern const Rule kEntrypointMissingExec{
    .code = "DX042",
    .name = "entrypoint-missing-exec",
    .summary = "entrypoint script does not exec the main process (signals never reach it)",
    .target = Target::kContext,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kPreview,
    .aliases = {},
    .check_context = Check,
    .docs = R"md(## What it does
Flags shell entrypoint scripts with no `exec <program>` anywhere: the service (or `"$@"`, the
container's command) is started as a child of the script. Scripts that install a `trap` for
TERM/INT and `wait` for their children handle signals themselves and are not flagged; neither are
scripts for other interpreters.

## Why is this bad
The entrypoint runs as PID 1. `docker stop` sends SIGTERM to PID 1 only, and a shell neither
forwards it to its child nor dies from it (PID 1 ignores signals it has no handler for). After
the 10 second grace period Docker sends SIGKILL: no graceful shutdown, no flushed buffers,
interrupted transactions, slow deploys. `exec` replaces the shell with the program, which then
receives signals directly and becomes the process whose exit status ends the container.

## Example
```sh
#!/bin/sh
set -e
python manage.py migrate
gunicorn app.wsgi
```

## Use instead
```sh
#!/bin/sh
set -e
python manage.py migrate
exec gunicorn app.wsgi
```

## Fix safety
Unsafe, and only offered when the script's last top-level command is a plain program run (not
backgrounded, piped, conditional or a shell builtin): `exec` is inserted before it. Anything the
script would have done after that command (cleanup, traps on exit) no longer runs. Otherwise the
fix is advice only.

## References
- https://docs.docker.com/reference/dockerfile/#entrypoint
- https://github.com/docker-library/official-images#consistency
)md",
    .cases = {At("docker-entrypoint.sh", Bad("#!/bin/sh\nset -e\n\"$@\"\n", "#!/bin/sh\nset -e\nexec \"$@\"\n")),
              At("entrypoint.sh", Bad("#!/bin/sh\nset -e\ngunicorn --bind 0.0.0.0:8000 app:app\n",
                                      "#!/bin/sh\nset -e\nexec gunicorn --bind 0.0.0.0:8000 app:app\n")),
              At("entrypoint.sh", Bad("#!/bin/sh\nset -e\nnode server.js &\necho started\n")),
              At("entrypoint.sh", Bad("#!/bin/sh\nexec >/var/log/start.log 2>&1\nnginx -g 'daemon off;'\n",
                                      "#!/bin/sh\nexec >/var/log/start.log 2>&1\nexec nginx -g 'daemon off;'\n")),
              At("docker-entrypoint.sh", Good("#!/bin/sh\nset -e\nexec \"$@\"\n")),
              At("docker-entrypoint.sh",
                 Good("#!/bin/sh\nif [ \"$1\" = web ]; then\n  exec gunicorn app:app\nfi\nexec \"$@\"\n")),
              At("docker-entrypoint.sh",
                 Good("#!/bin/bash\ntrap 'kill -TERM $pid' TERM\nnode server.js &\npid=$!\nwait $pid\n")),
              At("docker-entrypoint.sh", Good("#!/bin/sh\nexec su-exec app \"$@\"\n")),
              At("docker-entrypoint.sh", Good("#!/usr/bin/env python3\nimport os\n"))},
};

}  // namespace shipshape
