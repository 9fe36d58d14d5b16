// PID 1 of the final image is a shell or a runtime that neither reaps zombies nor handles signals
// the way an init does (node, npm, python), and no init (tini, dumb-init, ...) runs in front of it.
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

bool IsInit(std::string_view prog) {
  for (std::string_view i : {"tini", "tini-static", "dumb-init", "catatonit", "docker-init", "init",
                             "s6-svscan", "supervisord", "runsvdir", "my_init", "pid1", "systemd",
                             "openrc-init", "s6-overlay-suexec", "gosu", "su-exec"})
    if (prog == i) return true;
  return false;
}

bool IsShell(std::string_view prog) {
  return prog == "sh" || prog == "bash" || prog == "ash" || prog == "dash" || prog == "zsh";
}

// Programs that, as PID 1, neither reap orphaned children nor forward signals to a child tree.
bool IsNonReaping(std::string_view prog) {
  if (prog.starts_with("python")) return true;  // python, python3, python3.12
  for (std::string_view p : {"node", "nodejs", "npm", "npx", "yarn", "pnpm"})
    if (prog == p) return true;
  return false;
}

// The first word of a shell-form command line, after `exec` and environment assignments.
std::string_view FirstWord(std::string_view text) {
  size_t p = 0;
  while (true) {
    p = text.find_first_not_of(" \t", p);
    if (p == std::string_view::npos) return {};
    size_t e = text.find_first_of(" \t", p);
    std::string_view w = text.substr(p, e == std::string_view::npos ? std::string_view::npos : e - p);
    if (w == "exec" || (w.find('=') != std::string_view::npos && w.front() != '-')) {
      if (e == std::string_view::npos) return {};
      p = e;
      continue;
    }
    return w;
  }
}

// True if the command line has a separator (`;`, `&`, `|`, newline) outside quotes: then the
// shell cannot exec the last command and stays PID 1.
bool HasSeparator(std::string_view text) {
  char quote = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quote) {
      if (c == quote) quote = 0;
      else if (c == '\\' && quote == '"') ++i;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '\\') {
      ++i;
    } else if (c == '&' && ((i > 0 && (text[i - 1] == '>' || text[i - 1] == '<')) ||
                            (i + 1 < text.size() && text[i + 1] == '>'))) {
      continue;  // a redirection (`2>&1`, `&>file`), not a background job
    } else if (c == '|' && i > 0 && text[i - 1] == '>') {
      continue;  // `>|file`
    } else if (c == ';' || c == '&' || c == '|' || c == '\n') {
      return true;
    }
  }
  return false;
}

struct Pid1 {
  std::string prog;     ///< basename of the program that runs as PID 1
  bool shell = false;   ///< a shell running a command string stays PID 1
};

std::optional<Pid1> Pid1Of(const Instruction& ins) {
  if (ins.args.empty()) return std::nullopt;
  if (!ins.json_form) {
    // `/bin/sh -c "<text>"`: sh execs a lone simple command, so that command becomes PID 1.
    std::string_view text = ins.args[0].value;
    if (HasSeparator(text)) return Pid1{"sh", true};
    return Pid1{std::string(rules::BaseName(FirstWord(text))), false};
  }
  std::string_view first = rules::BaseName(ins.args[0].value);
  if (IsShell(first) && ins.args.size() >= 3 && ins.args[1].value == "-c") {
    std::string_view script = ins.args[2].value;
    std::string_view w = FirstWord(script);
    // A lone simple command is exec'ed by sh, dash and bash, with or without `exec`.
    if (!HasSeparator(script)) return Pid1{std::string(rules::BaseName(w)), false};
    return Pid1{std::string(first), true};
  }
  return Pid1{std::string(first), false};
}

// Byte offset just after the `[` that opens an exec-form instruction's JSON array.
std::optional<uint32_t> AfterBracket(std::string_view src, const Instruction& ins) {
  size_t p = src.find('[', ins.keyword_range.end);
  if (p == std::string_view::npos || p >= ins.range.end) return std::nullopt;
  return static_cast<uint32_t>(p + 1);
}

std::optional<Fix> AddTini(const dockerfile::Dockerfile& df, const dockerfile::Stage& st,
                           const Instruction* ep, const Instruction* cmd, RuleContext& ctx) {
  const Instruction* pid1 = ep ? ep : cmd;
  if (!pid1->json_form) return std::nullopt;
  const std::string_view src = ctx.source();
  std::optional<uint32_t> at = rules::run::RootInsertPoint(df, st, *pid1, src);
  if (!at) return std::nullopt;
  const rules::run::BaseFamily fam = rules::run::SharedAnalysis(df, ctx).Family(st);
  // Where the family's tini package puts the binary; other families have no tini package in
  // their default repositories.
  const std::string path = fam == rules::run::BaseFamily::kAlpine ? "/sbin/tini" : "/usr/bin/tini";
  std::optional<Edit> install = rules::run::InstallPackageAt(fam, "tini", *at, src);
  if (!install) return std::nullopt;
  std::vector<Edit> edits;
  if (ep) {
    std::optional<uint32_t> bracket = AfterBracket(src, *ep);
    if (!bracket) return std::nullopt;
    edits.push_back(*install);
    edits.push_back(Edit::Insert(*bracket, "\"" + path + "\", \"--\", "));
  } else {
    const uint32_t at_cmd = rules::LineStartOf(src, cmd->range.start);
    std::string entry = std::string(rules::IndentOf(src, at_cmd)) + "ENTRYPOINT [\"" + path +
                        "\", \"--\"]" + std::string(rules::Newline(src));
    if (at_cmd == *at) {
      install->text += entry;
      edits.push_back(*install);
    } else {
      edits.push_back(*install);
      edits.push_back(Edit::Insert(at_cmd, entry));
    }
  }
  Fix f;
  f.title = "Install tini and run the command under it (`" + path + " --`)";
  f.applicability = Applicability::kUnsafe;
  f.edits = std::move(edits);
  f.isolation_group = rules::run::kUserIsolationGroup;
  return f;
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const dockerfile::Stage* st = df.final_stage();
  if (!st || rules::LooksWindows(df, *st)) return;
  const Instruction* ep = rules::LastInChain(df, *st, Keyword::kEntrypoint);
  const Instruction* cmd = rules::LastInChain(df, *st, Keyword::kCmd);
  const Instruction* pid1 = ep ? ep : cmd;
  if (!pid1) return;  // the base image decides
  std::optional<Pid1> p = Pid1Of(*pid1);
  if (!p || p->prog.empty() || p->prog.find('$') != std::string::npos || IsInit(p->prog)) return;
  // An entrypoint script may well `exec` the command or start an init itself (DX042 reads it).
  if (!p->shell && (p->prog.ends_with(".sh") || p->prog.find("entrypoint") != std::string::npos))
    return;
  if (!p->shell && !IsNonReaping(p->prog)) return;
  std::string what = p->shell ? "a shell (`" + p->prog + " -c`) stays PID 1"
                              : "`" + p->prog + "` runs as PID 1";
  DiagnosticBuilder b = ctx.Report(
      pid1->range,
      what + " with no init in front of it: zombie processes are never reaped and SIGTERM may not "
             "reach the application, so `docker stop` waits and then kills it; run it under tini "
             "or dumb-init (or `docker run --init`, Compose `init: true`)");
  if (std::optional<Fix> f = AddTini(df, *st, ep, cmd, ctx)) b.WithFix(std::move(*f));
}

}  // namespace

extern constinit const Rule kMissingInitProcess{
    .code = "DF141",
    .name = "missing-init-process",
    .summary = "PID 1 is a shell, node, npm or python with no init (tini, dumb-init) in front",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM node:20-alpine\nCOPY . /app\nCMD [\"node\", \"/app/server.js\"]\n", .after = "FROM node:20-alpine\nCOPY . /app\nRUN apk add --no-cache tini\n"
                  "ENTRYPOINT [\"/sbin/tini\", \"--\"]\nCMD [\"node\", \"/app/server.js\"]\n"},
    .docs = R"md(## What it does
Looks at what the final image starts as PID 1 (its `ENTRYPOINT`, else its `CMD`) and flags it when
that is a shell running a command string (`sh -c "a && b"`, or a shell-form line with several
commands) or a runtime known to behave badly as PID 1: `node`, `npm`/`npx`/`yarn`/`pnpm`,
`python`. Nothing is reported when an init already runs first (`tini`, `dumb-init`, `catatonit`,
s6 `/init`, `supervisord`, ...), when PID 1 is an entrypoint script (DX042 checks that the script
`exec`s), or when the Dockerfile sets neither `ENTRYPOINT` nor `CMD`.

## Why is this bad
The kernel gives PID 1 two jobs: reap orphaned child processes, and handle signals itself (it gets
no default handlers, so an unhandled SIGTERM is ignored). A shell waiting on its command does not
pass SIGTERM on; Node, npm and Python neither reap zombies nor install default handlers. The
result is a container that ignores `docker stop` for the 10-second grace period and is then
killed without a clean shutdown, and that accumulates zombies when the app spawns helpers.

## Example
```dockerfile
FROM node:20-alpine
COPY . /app
CMD ["node", "/app/server.js"]
```

## Use instead
```dockerfile
FROM node:20-alpine
COPY . /app
RUN apk add --no-cache tini
ENTRYPOINT ["/sbin/tini", "--"]
CMD ["node", "/app/server.js"]
```
Or start containers with `docker run --init` / Compose `init: true`, which inject Docker's own
tini.

## Fix safety
Unsafe: the fix installs `tini` (apk on Alpine-based images, apt on Debian/Ubuntu-based ones) and
puts it in front of the exec-form `ENTRYPOINT`, or adds `ENTRYPOINT ["<tini>", "--"]` before an
exec-form `CMD`; that replaces an `ENTRYPOINT` the base image may set and adds a package to the
image. The install goes before the stage's first `USER`, while the build still runs as root. No
fix for shell-form commands (DF019, BuildKit JSONArgsRecommended, converts them first), other base
families, or when `USER` is set in an earlier stage.

## References
- https://github.com/krallin/tini
- https://docs.docker.com/reference/cli/docker/container/run/#init
- https://github.com/nodejs/docker-node/blob/main/docs/BestPractices.md#handling-kernel-signals
)md",
};

}  // namespace shipshape
