// CMD/ENTRYPOINT in shell form: the process runs under `sh -c` and misses signals.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

// Anything the shell would interpret: splitting on blanks is then not what `sh -c` does.
bool HasShellSyntax(std::string_view s, char escape) {
  for (char c : s)
    if (c == escape || std::string_view("$'\"`;&|<>*?[]{}()~#!=\\\n").find(c) != std::string_view::npos)
      return true;
  return false;
}

bool IsShellBuiltin(std::string_view w) {
  static const std::string_view kWords[] = {
      "cd",   "export", "source", ".",     "set",   "ulimit", "umask", "exec", "eval", "trap",
      "if",   "for",    "while",  "until", "case",  "test",   "alias", "read", "wait", "shift",
      "unset", "local", "return", "exit",  "break", "continue", "function", "select", "time"};
  for (std::string_view k : kWords)
    if (w == k) return true;
  return false;
}

std::vector<std::string_view> SplitBlanks(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (const dockerfile::Stage& st : df.stages) {
    // Any ENTRYPOINT of the chain receives CMD as arguments.
    const bool entrypoint_set =
        rules::LastInChain(df, st, dockerfile::Keyword::kEntrypoint) != nullptr;
    // BuildKit skips the check once SHELL is set: the author chose the shell deliberately.
    bool shell_before = false;
    for (const dockerfile::Stage* anc : rules::StageChain(df, st))
      if (anc != &st && rules::LastOf(*anc, dockerfile::Keyword::kShell)) shell_before = true;
    for (const dockerfile::Instruction* ins : st.instructions) {
      if (ins->kind == dockerfile::Keyword::kShell) shell_before = true;
      const bool cmd = ins->kind == dockerfile::Keyword::kCmd;
      if ((!cmd && ins->kind != dockerfile::Keyword::kEntrypoint) || ins->json_form ||
          ins->args.empty() || shell_before)
        continue;
      const std::string& text = ins->args[0].value;
      std::vector<std::string_view> words = SplitBlanks(text);
      // `CMD exec app` already replaces the shell with the app, which then gets the signals.
      if (words.empty() || words[0] == "exec") continue;
      const std::string kw = Upper(ins->keyword);
      // `CMD ["a", "b"]]` and `CMD ['a']` are not JSON, so Docker silently runs them with sh -c.
      if (text.front() == '[') {
        ctx.Report(ins->keyword_range,
                   kw + " looks like exec form but is not a valid JSON array (JSON needs double "
                        "quotes and exact brackets), so Docker runs the text through `/bin/sh -c`")
            .WithFix("Fix the JSON array", Applicability::kDisplayOnly, {});
        continue;
      }
      DiagnosticBuilder b = ctx.Report(
          ins->keyword_range, kw + " uses shell form: the command runs under `/bin/sh -c`, which "
                                   "does not forward SIGTERM, so `docker stop` waits and then kills it");
      const TextRange src_range = ins->rest.SourceRange(0, static_cast<uint32_t>(ins->rest.text.size()));
      const bool comment_inside = src_range.Of(ctx.source()).find('#') != std::string_view::npos;
      if (HasShellSyntax(text, df.escape) || IsShellBuiltin(words[0]) || comment_inside ||
          rules::LooksWindows(df, st)) {
        b.WithFix("Use exec form; if the shell is needed, write " + kw +
                      " [\"sh\", \"-c\", \"exec <command>\"] so the command replaces the shell",
                  Applicability::kDisplayOnly, {});
        continue;
      }
      std::string json = "[";
      for (size_t i = 0; i < words.size(); ++i) {
        if (i) json += ", ";
        json += rules::JsonQuote(words[i]);
      }
      json += "]";
      // An ENTRYPOINT in exec form receives CMD as arguments, which shell form ignored.
      const Applicability a =
          cmd && !entrypoint_set ? Applicability::kSafe : Applicability::kUnsafe;
      b.WithFix("Convert to exec form " + json, a, {Edit::Replace(src_range, json)});
    }
  }
}

}  // namespace

extern constinit const Rule kShellFormCmd{
    .code = "DF019",
    .name = "shell-form-cmd",
    .summary = "CMD or ENTRYPOINT in shell form",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3025"}, {"buildkit", "JSONArgsRecommended"},
                {"kics", "Not Using JSON In CMD And ENTRYPOINT Arguments"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM node:22\nCMD node server.js\n", .after = "FROM node:22\nCMD [\"node\", \"server.js\"]\n"},
    .docs = R"md(## What it does
Flags `CMD` and `ENTRYPOINT` written in shell form (`CMD node server.js`) instead of exec form
(`CMD ["node", "server.js"]`). Not flagged: stages where `SHELL` was set (the shell is then a
deliberate choice, as BuildKit also decides) and commands that already start with `exec`.

## Why is this bad
Shell form runs `/bin/sh -c "<command>"`. The shell becomes PID 1 and does not forward `SIGTERM`
to your process, so `docker stop` waits for the timeout and then `SIGKILL`s it: no graceful
shutdown, lost in-flight requests, and 10 s added to every deploy. A shell-form `ENTRYPOINT` also
silently ignores `CMD` and `docker run` arguments.

## Example
```dockerfile
FROM node:22
CMD node server.js
```

## Use instead
```dockerfile
FROM node:22
CMD ["node", "server.js"]
```
When the command needs the shell (variables, `&&`, redirections), let the command replace it:
```dockerfile
CMD ["sh", "-c", "exec node server.js --port \"$PORT\""]
```

## Fix safety
When the command has no shell syntax at all (no `$`, quotes, `&&`, `|`, `;`, redirections, globs,
`~`, backticks, builtins such as `cd`), splitting on blanks gives exactly the words `sh -c` would
run, so the fix is applied:
- for `CMD` with no `ENTRYPOINT` in the stage chain it is safe: the same program gets the same
  arguments, only the intermediate shell disappears;
- for `ENTRYPOINT`, or a `CMD` that an `ENTRYPOINT` receives as arguments, it is unsafe: exec form
  `ENTRYPOINT` starts appending `CMD`/`docker run` arguments, and an entrypoint script now sees the
  command words instead of `/bin/sh -c ...`.

Otherwise the fix is only a suggestion.

## References
- https://docs.docker.com/reference/build-checks/json-args-recommended/
- https://docs.docker.com/reference/dockerfile/#shell-and-exec-form
- hadolint DL3025
)md",
};

}  // namespace shipshape
