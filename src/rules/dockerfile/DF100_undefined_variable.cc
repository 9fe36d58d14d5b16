// A variable used in a non-RUN instruction that nothing defines at that point.
#include <set>

#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

struct Word {
  std::string_view text;
  TextRange range;
};

// The words BuildKit expands with ARG/ENV values (RUN, CMD, ENTRYPOINT, HEALTHCHECK and SHELL are
// left to the shell or not expanded at all).
std::vector<Word> ExpandedWords(const dockerfile::Instruction& ins) {
  std::vector<Word> out;
  using K = dockerfile::Keyword;
  switch (ins.kind) {
    case K::kEnv:
    case K::kLabel:
    case K::kArg:
      for (const dockerfile::KeyValue& kv : ins.pairs) {
        if (ins.kind == K::kLabel) out.push_back({kv.key, kv.key_range});
        if (kv.has_value) out.push_back({kv.value, kv.value_range});
      }
      break;
    case K::kCopy:
    case K::kAdd:
      for (const dockerfile::Flag& f : ins.flags)
        if (f.name == "chown" || f.name == "chmod" || f.name == "from")
          out.push_back({f.value, f.value_range});
      for (size_t i = 0; i < ins.args.size(); ++i) {
        // Heredoc markers are not paths.
        if (ins.args[i].value.rfind("<<", 0) == 0) continue;
        out.push_back({ins.args[i].value, ins.args[i].range});
      }
      break;
    case K::kExpose:
    case K::kVolume:
    case K::kUser:
    case K::kWorkdir:
    case K::kStopsignal:
      for (const dockerfile::Arg& a : ins.args) out.push_back({a.value, a.range});
      break;
    default:
      break;
  }
  return out;
}

// Names defined by ARG/ENV in `stage` at or after `from`. A later `ENV PATH=/x:$PATH` extends a
// value that already exists, so it does not count as the definition.
std::set<std::string> DefinedLater(const dockerfile::Stage& st, size_t from, char escape) {
  std::set<std::string> out;
  for (size_t i = from; i < st.instructions.size(); ++i) {
    const dockerfile::Instruction* ins = st.instructions[i];
    if (ins->kind != dockerfile::Keyword::kArg && ins->kind != dockerfile::Keyword::kEnv) continue;
    for (const dockerfile::KeyValue& kv : ins->pairs) {
      const TextRange all{0, static_cast<uint32_t>(kv.value.size())};
      if (rules::VariableRefs(kv.value, all, kv.key, escape).empty()) out.insert(kv.key);
    }
  }
  return out;
}

// Variables every Linux base image environment has.
bool StandardEnv(std::string_view n) {
  for (std::string_view k : {"PATH", "HOME", "HOSTNAME", "TERM", "LANG", "LC_ALL", "USER", "SHELL",
                             "PWD"})
    if (n == k) return true;
  return false;
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  std::set<std::string> global_names;
  for (const dockerfile::Instruction* ins : df.global_args)
    for (const dockerfile::KeyValue& kv : ins->pairs) global_names.insert(kv.key);
  const std::string_view src = ctx.source();
  for (const dockerfile::Stage& st : df.stages) {
    // Without a base image, nothing else can define variables: every unknown name is a bug.
    const bool from_scratch = rules::ChainFromScratch(df, st);
    rules::VarScope scope(df, st);
    for (size_t idx = 0; idx < st.instructions.size(); ++idx) {
      const dockerfile::Instruction* ins = st.instructions[idx];
      std::set<std::string> seen;
      for (const Word& w : ExpandedWords(*ins)) {
        if (w.text.find('$') == std::string_view::npos) continue;
        for (const std::string& name : scope.Expand(w.text).undefined) {
          if (!seen.insert(name).second || (rules::IsPredefinedArg(name) && !rules::IsPlatformArg(name)))
            continue;
          const std::string indent(rules::IndentOf(src, ins->range.start));
          const Edit declare = Edit::Insert(rules::LineStartOf(src, ins->range.start),
                                            indent + rules::MatchCase(ins->keyword_range.Of(src), "ARG") +
                                                " " + name + std::string(rules::Newline(src)));
          if (rules::IsPlatformArg(name)) {
            ctx.Report(w.range, "$" + name + " is predefined only before the first FROM; inside a "
                                             "stage it is empty until `ARG " + name + "` declares it")
                .WithFix("Declare ARG " + name + " in this stage", Applicability::kUnsafe, {declare});
            continue;
          }
          if (global_names.count(name)) {
            ctx.Report(w.range, "$" + name + " is a global ARG, which is not visible inside a stage "
                                             "until `ARG " + name + "` redeclares it; here it is empty")
                .WithFix("Redeclare ARG " + name + " in this stage", Applicability::kUnsafe, {declare});
            continue;
          }
          if (!from_scratch && StandardEnv(name)) continue;
          if (DefinedLater(st, idx + 1, df.escape).count(name)) {
            ctx.Report(w.range, "$" + name + " is used before the ARG/ENV that defines it");
            continue;
          }
          const std::string hint = rules::ClosestName(name, scope.Names());
          if (hint.empty() && !from_scratch) continue;  // may come from the base image's ENV
          std::string msg = "$" + name + " is not defined here";
          if (!hint.empty()) msg += " (did you mean $" + hint + "?)";
          DiagnosticBuilder b = ctx.Report(w.range, std::move(msg));
          if (!hint.empty()) {
            std::vector<Edit> edits;
            for (TextRange r : rules::VariableRefs(src, w.range, name, df.escape))
              edits.push_back(Edit::Replace(r, hint));
            if (!edits.empty()) b.WithFix("Use $" + hint, Applicability::kUnsafe, std::move(edits));
          }
        }
      }
      scope.Apply(*ins);
    }
  }
}

}  // namespace

extern constinit const Rule kUndefinedVariable{
    .code = "DF100",
    .name = "undefined-variable",
    .summary = "A variable is used where it is not defined",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kCorrectness,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"buildkit", "UndefinedVar"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "ARG VERSION=1.4.2\nFROM alpine:3.20\nLABEL version=$VERSION\n", .after = "ARG VERSION=1.4.2\nFROM alpine:3.20\nARG VERSION\nLABEL version=$VERSION\n"},
    .docs = R"md(## What it does
Checks variables in the instructions Docker itself expands (`ENV`, `ARG`, `LABEL`, `COPY`/`ADD`
paths and `--chown`/`--chmod`/`--from`, `EXPOSE`, `USER`, `WORKDIR`, `VOLUME`, `STOPSIGNAL`) and
reports, with the scope rules BuildKit applies:

- a platform ARG (`TARGETARCH`, `BUILDPLATFORM`, ...) used in a stage without `ARG TARGETARCH`:
  it is predefined only before the first `FROM`;
- a global ARG used in a stage that does not redeclare it;
- a variable used before the `ARG`/`ENV` that defines it;
- a name that is a likely typo of a defined one (`$APP_HOEM` next to `APP_HOME`);
- in stages built `FROM scratch`, any undefined name.

Otherwise an unknown name may come from the base image's `ENV` (`$JAVA_HOME`, `$GOPATH`) and is
not reported. `RUN` and shell-form `CMD` are expanded by the shell, not by Docker, and are
skipped, as BuildKit does.

## Why is this bad
An undefined variable expands to an empty string without any error: `COPY app /opt/$APP_VERSON/`
copies to `/opt/`, `LABEL version=$VERSION` records nothing.

## Example
```dockerfile
ARG VERSION=1.4.2
FROM alpine:3.20
LABEL org.opencontainers.image.version=$VERSION
```

## Use instead
```dockerfile
ARG VERSION=1.4.2
FROM alpine:3.20
ARG VERSION
LABEL org.opencontainers.image.version=$VERSION
```

## Fix safety
For the scope cases the fix inserts `ARG <name>` before the instruction; for a typo it renames
the reference. Both are unsafe: the expanded value, and so the image, changes (that is the
point). Other cases have no fix.

## References
- https://docs.docker.com/reference/build-checks/undefined-var/
- https://docs.docker.com/reference/dockerfile/#scope
- https://docs.docker.com/reference/dockerfile/#automatic-platform-args-in-the-global-scope
)md",
};

}  // namespace shipshape
