// An entrypoint script that starts the main process as a child instead of exec-ing it, so the
// process never receives `docker stop`'s SIGTERM.
#include <cctype>
#include <set>

#include "rules/context/context_util.h"
#include "rules/context/script_util.h"
#include "rules/rule.h"

namespace shipshape {
namespace {


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

/// `NAME` from an assignment word `NAME=value`, with `value` unquoted, if value's first word is
/// `exec` (`exec_cmd="exec gosu app"`).
std::string_view ExecVariable(std::string_view raw) {
  const size_t eq = raw.find('=');
  if (eq == std::string_view::npos || eq == 0) return {};
  std::string_view v = raw.substr(eq + 1);
  while (!v.empty() && (v.front() == '"' || v.front() == '\'')) v.remove_prefix(1);
  if (v.substr(0, 4) != "exec" || (v.size() > 4 && v[4] != ' ' && v[4] != '\t' && v[4] != '"' &&
                                   v[4] != '\''))
    return {};
  return raw.substr(0, eq);
}

/// The variable a word expands as a whole (`$cmd`, `${cmd}`, `"${cmd}"`), or "".
std::string_view WholeVariable(std::string_view raw) {
  if (raw.size() >= 2 && raw.front() == '"' && raw.back() == '"') raw = raw.substr(1, raw.size() - 2);
  if (raw.substr(0, 2) == "${" && raw.back() == '}') raw = raw.substr(2, raw.size() - 3);
  else if (raw.substr(0, 1) == "$") raw.remove_prefix(1);
  else return {};
  for (char c : raw)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return {};
  return raw;
}

/// True if some command hands the process over with `exec`: `exec prog ...` anywhere (also inside
/// a branch or a function), a command run through a variable holding `exec ...` (the
/// `${exec_cmd} "$@"` of the neo4j and HiveMQ images; when the script does not set the variable
/// itself, a name containing "exec" is taken at its word), or `eval exec ...`.
bool ExecsSomewhere(const shell::Script& script) {
  std::set<std::string_view> exec_vars, assigned;
  auto assignment = [&](std::string_view raw) {
    const size_t eq = raw.find('=');
    if (eq != std::string_view::npos) assigned.insert(raw.substr(0, eq));
    if (auto v = ExecVariable(raw); !v.empty()) exec_vars.insert(v);
  };
  for (const shell::Command& c : script.commands) {
    for (const shell::Word& w : c.assignments) assignment(w.raw);
    // `export`/`local`/`readonly`/`declare exec_cmd="exec ..."`.
    if (c.name() == "export" || c.name() == "local" || c.name() == "readonly" ||
        c.name() == "declare" || c.name() == "typeset")
      for (size_t k = 1; k < c.argv.size(); ++k) assignment(c.argv[k].raw);
  }
  // A variable set elsewhere (a sourced file) whose name says it holds exec: `${exec_cmd} "$@"`.
  auto holds_exec = [&](std::string_view var) {
    if (var.empty()) return false;
    if (exec_vars.count(var)) return true;
    if (assigned.count(var)) return false;
    std::string lower(var);
    for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return lower.find("exec") != std::string::npos;
  };
  for (const shell::Command& c : script.commands) {
    if (c.argv.size() > 1 && (c.name() == "exec" || c.name() == "eval")) {
      // `exec >log 2>&1` only redirects (no argv) and does not count.
      if (c.name() == "exec") return true;
      std::string_view first = c.argv[1].value();
      if (first.substr(0, 5) == "exec " || first == "exec" || holds_exec(WholeVariable(c.argv[1].raw)))
        return true;
    }
    if (!c.argv.empty() && holds_exec(WholeVariable(c.argv[0].raw))) return true;
  }
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
  if (ExecsSomewhere(script)) return;
  bool traps_term = false, waits = false;
  const shell::Command* last = nullptr;
  for (const shell::Command& c : script.commands) {
    const std::string_view name = c.name();
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
  // Ends by sourcing another script (`. /usr/local/bin/docker-entrypoint.sh "$@"`, handing over to
  // the base image's entrypoint): that script runs in this shell and usually execs the service.
  if (last && (last->name() == "." || last->name() == "source")) return;
  // `exec` cannot run a shell function: `exec main` would fail, so no fix for those.
  bool last_is_function = false;
  for (const shell::Block& b : script.blocks)
    if (last && b.kind == shell::BlockKind::kFunction && b.name == last->name()) last_is_function = true;

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
                        !IsBuiltinish(last->name()) && !last_is_function;
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

extern constinit const Rule kEntrypointMissingExec{
    .code = "DX042",
    .name = "entrypoint-missing-exec",
    .summary = "entrypoint script does not exec the main process (signals never reach it)",
    .target = Target::kContext,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {},
    .check_context = Check,
    .fix_example = {.path = "docker-entrypoint.sh", .before = "#!/bin/sh\nset -e\n\"$@\"\n", .after = "#!/bin/sh\nset -e\nexec \"$@\"\n"},
    .docs = R"md(## What it does
Flags shell entrypoint scripts with no `exec <program>` anywhere: the service (or `"$@"`, the
container's command) is started as a child of the script. Scripts that install a `trap` for
TERM/INT and `wait` for their children handle signals themselves and are not flagged; neither are
scripts for other interpreters. `exec` counts wherever it is (a branch, a function), also through a
variable holding it (`exec_cmd="exec gosu app"` then `${exec_cmd} "$@"`, as the neo4j and HiveMQ
images do) or `eval exec ...`; a script that ends by sourcing another one (`.
/usr/local/bin/docker-entrypoint.sh "$@"`, handing over to the base image's entrypoint) is not
flagged either.

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
backgrounded, piped, conditional, a shell builtin or a function defined in the script, which
`exec` cannot run): `exec` is inserted before it. Anything the
script would have done after that command (cleanup, traps on exit) no longer runs. Otherwise the
fix is advice only.

## References
- https://docs.docker.com/reference/dockerfile/#entrypoint
- https://github.com/docker-library/official-images#consistency
)md",
};

}  // namespace shipshape
