// The final USER is a name rather than a numeric UID.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')) ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t' && s[j] != '\n') ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// The UID a `useradd`/`adduser` command in the chain gives `name`, when stated literally.
std::optional<std::string> UidFor(const dockerfile::Dockerfile& df, const dockerfile::Stage& stage,
                                  std::string_view name) {
  std::optional<std::string> found;
  for (const dockerfile::Stage* st : rules::StageChain(df, stage)) {
    for (const dockerfile::Instruction* ins : st->instructions) {
      if (ins->kind != dockerfile::Keyword::kRun) continue;
      // Split the command line at separators; look at each useradd/adduser command alone.
      std::string text = ins->rest.text;
      for (char& c : text)
        if (c == ';' || c == '&' || c == '|') c = '\n';
      size_t p = 0;
      while (p < text.size()) {
        size_t e = text.find('\n', p);
        if (e == std::string::npos) e = text.size();
        std::vector<std::string> w = Words(std::string_view(text).substr(p, e - p));
        p = e + 1;
        bool adds = false, names = false;
        std::optional<std::string> uid;
        for (size_t i = 0; i < w.size(); ++i) {
          if (w[i] == "useradd" || w[i] == "adduser") adds = true;
          if (w[i] == name) names = true;
          std::string_view v;
          if ((w[i] == "-u" || w[i] == "--uid") && i + 1 < w.size()) v = w[i + 1];
          else if (w[i].rfind("--uid=", 0) == 0) v = std::string_view(w[i]).substr(6);
          if (rules::IsDigits(v)) uid = std::string(v);
        }
        if (adds && names && uid) {
          if (found && *found != *uid) return std::nullopt;  // ambiguous
          found = uid;
        }
      }
    }
  }
  return found;
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const dockerfile::Stage* st = df.final_stage();
  if (!st) return;
  const dockerfile::Instruction* user = rules::LastInChain(df, *st, dockerfile::Keyword::kUser);
  // Windows users are names (ContainerUser); UIDs do not apply.
  if (!user || user->args.empty() || rules::LooksWindows(df, *st)) return;
  const std::string& raw = user->args[0].value;
  // ARG/ENV-supplied users are allowed: the builder chooses the value.
  if (raw.find('$') != std::string::npos) return;
  const std::string_view spec = rules::Unquote(raw);
  const std::string_view name = spec.substr(0, spec.find(':'));
  // Root is DF010's business.
  if (name.empty() || rules::IsDigits(name) || name == "root") return;
  DiagnosticBuilder b = ctx.Report(
      user->args[0].range, "USER " + std::string(spec) +
                               " names the user; a numeric UID lets the runtime verify it is "
                               "not root (Kubernetes runAsNonRoot)");
  if (std::optional<std::string> uid = UidFor(df, *st, name)) {
    const uint32_t start = user->args[0].range.start +
                           static_cast<uint32_t>(spec.data() - raw.data());
    b.WithFix("Use UID " + *uid, Applicability::kUnsafe,
              {Edit::Replace({start, start + static_cast<uint32_t>(name.size())}, *uid)});
  }
}

}  // namespace

extern constinit const Rule kNonNumericUser{
    .code = "DF012",
    .name = "non-numeric-user",
    .summary = "The final USER is a name, not a numeric UID",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kSecurity,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .skips_onbuild = true,
    .aliases = {{"hadolint", "DL3066"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM alpine:3.20\nRUN adduser -D -u 10001 app\nUSER app\n", .after = "FROM alpine:3.20\nRUN adduser -D -u 10001 app\nUSER 10001\n"},
    .docs = R"md(## What it does
Flags the last `USER` of the final stage when it names the user (`USER app`) instead of giving a
numeric UID (`USER 10001`). Users taken from an `ARG` or `ENV` are not flagged; `USER root` is
left to DF010.

## Why is this bad
Kubernetes' `runAsNonRoot` and similar admission policies can only prove a container is not root
from a numeric UID: with a name they must trust `/etc/passwd` inside the image, and refuse to
start the pod. A numeric UID also does not depend on the passwd file at all.

## Example
```dockerfile
FROM alpine:3.20
RUN adduser -D -u 10001 app
USER app
```

## Use instead
```dockerfile
FROM alpine:3.20
RUN adduser -D -u 10001 app
USER 10001
```

## Fix safety
When a `useradd`/`adduser` command in the build gives the user a literal UID, the fix replaces
the name with it. It is unsafe because the file could be edited between the two, and because a
name also selects the user's primary group when none is given.

## References
- https://kubernetes.io/docs/concepts/security/pod-security-standards/
- hadolint DL3066
)md",
};

}  // namespace shipshape
