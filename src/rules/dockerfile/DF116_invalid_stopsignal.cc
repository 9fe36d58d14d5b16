// STOPSIGNAL that Docker rejects, or that the process cannot handle.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

bool KnownSignal(std::string_view s) {
  static const std::string_view kNames[] = {
      "HUP",  "INT",  "QUIT", "ILL",  "TRAP", "ABRT", "IOT",  "BUS",    "FPE",  "KILL", "USR1",
      "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN",
      "TTOU", "URG",  "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "POLL", "PWR",  "SYS"};
  for (std::string_view k : kNames)
    if (s == k) return true;
  // Real-time signals: RTMIN, RTMIN+n, RTMAX-n.
  for (std::string_view rt : {"RTMIN", "RTMAX"}) {
    if (s.substr(0, 5) != rt) continue;
    if (s.size() == 5) return true;
    if ((s[5] == '+' || s[5] == '-') && rules::IsDigits(s.substr(6)) && s.size() <= 8) return true;
  }
  return false;
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (const dockerfile::Stage& st : df.stages) {
    rules::VarScope scope(df, st);
    for (const dockerfile::Instruction* ins : st.instructions) {
      scope.Apply(*ins);
      if (ins->kind != dockerfile::Keyword::kStopsignal || ins->args.empty()) continue;
      rules::Expansion e = scope.Expand(ins->args[0].value);
      if (!e.complete || e.text.empty()) continue;
      std::string sig = Upper(e.text);
      std::string msg;
      if (rules::IsDigits(sig)) {
        const unsigned long n = sig.size() > 3 ? 999 : std::stoul(sig);
        if (n == 0 || n > 64) msg = "STOPSIGNAL " + e.text + " is not a signal number (1-64)";
        else if (n == 9 || n == 19) msg = "STOPSIGNAL " + e.text + " cannot be caught: the process gets no chance to shut down";
      } else {
        std::string name = sig.substr(0, 3) == "SIG" ? sig.substr(3) : sig;
        if (!KnownSignal(name)) msg = "STOPSIGNAL " + e.text + " is not a known signal name";
        else if (name == "KILL" || name == "STOP")
          msg = "STOPSIGNAL " + e.text + " cannot be caught: the process gets no chance to shut down";
      }
      if (!msg.empty()) ctx.Report(ins->args[0].range, std::move(msg));
    }
  }
}

}  // namespace

extern constinit const Rule kInvalidStopsignal{
    .code = "DF116",
    .name = "invalid-stopsignal",
    .summary = "STOPSIGNAL is invalid or cannot be caught",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags `STOPSIGNAL` values that are not a signal (`SIGTERMM`, `99`) and the uncatchable
`SIGKILL`/`SIGSTOP` (9, 19). Names are accepted with or without the `SIG` prefix, in any case,
including real-time signals (`SIGRTMIN+3`).

## Why is this bad
An unknown signal makes `docker stop` fail. `SIGKILL` as the stop signal means the process is
never asked to shut down: no connection draining, no flushed buffers, possibly corrupted data.

## Example
```dockerfile
FROM alpine:3.20
STOPSIGNAL SIGKILL
```

## Use instead
```dockerfile
FROM alpine:3.20
STOPSIGNAL SIGTERM
```
(or the signal the server documents for a graceful stop, such as `SIGQUIT` for nginx).

## Fix safety
No automatic fix: the right signal depends on the process.

## References
- https://docs.docker.com/reference/dockerfile/#stopsignal
)md",
};

}  // namespace shipshape
