// chmod or COPY --chmod that sets the setuid or setgid bit in the shipped image.
#include "dockerfile/dockerfile.h"
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

// True for modes that set the setuid or setgid bit: octal 4xxx/2xxx/6xxx, or symbolic clauses
// such as u+s, g+s, +s, ug=rwxs (removal, `-s`, is what we want to see).
bool SetsSpecialBit(std::string_view m) {
  if (m.empty()) return false;
  bool octal = true;
  for (char c : m) octal = octal && c >= '0' && c <= '7';
  if (octal) return m.size() >= 4 && ((m[m.size() - 4] - '0') & 6);
  size_t p = 0;
  while (p <= m.size()) {
    size_t comma = m.find(',', p);
    if (comma == std::string_view::npos) comma = m.size();
    std::string_view clause = m.substr(p, comma - p);
    size_t op = clause.find_first_of("+=");
    if (op != std::string_view::npos && clause.substr(op + 1).find('s') != std::string_view::npos &&
        clause.find('-') == std::string_view::npos) {
      std::string_view who = clause.substr(0, op);
      // `o+s` has no effect; every other target (empty, u, g, a) sets a bit.
      if (who != "o") return true;
    }
    p = comma + 1;
  }
  return false;
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    if (r->stage && !an.InFinalImage(*r->stage)) continue;
    for (const Cmd& c : r->cmds) {
      if (c.name() != "chmod") continue;
      std::vector<const shell::Word*> pos = shell::Positionals(c.args());
      if (pos.size() < 2 || !pos[0]->IsStatic() || !SetsSpecialBit(pos[0]->value())) continue;
      Emit(ctx, Span(c, *pos[0], *pos.back()),
           "chmod " + std::string(pos[0]->value()) +
               " sets the setuid/setgid bit: the file then runs with its owner's privileges, "
               "a path to root for anyone who can run it");
    }
  }
  for (const dockerfile::Stage& st : df.stages) {
    if (!an.InFinalImage(st)) continue;
    for (const dockerfile::Instruction* ins : st.instructions) {
      if (ins->kind != dockerfile::Keyword::kCopy && ins->kind != dockerfile::Keyword::kAdd) continue;
      const dockerfile::Flag* f = ins->FindFlag("chmod");
      if (!f || !SetsSpecialBit(f->value)) continue;
      ctx.Report(f->range, "--chmod=" + f->value +
                               " sets the setuid/setgid bit on the copied files: they run with "
                               "their owner's privileges");
    }
  }
}

}  // namespace

extern constinit const Rule kSetuidBitSet{
    .code = "DF140",
    .name = "setuid-bit-set",
    .summary = "The build sets the setuid or setgid bit on a file of the final image",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"dockle", "CIS-DI-0008"}, {"cis", "4.8"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags `chmod` in a `RUN` of the final image with a mode that sets the setuid or setgid bit
(`4755`, `2755`, `6755`, `u+s`, `g+s`, `+s`), and `COPY --chmod` / `ADD --chmod` with such a mode.
Stages that do not reach the final image are not judged.

## Why is this bad
A setuid (setgid) program runs with the privileges of its owner (group), usually root, whoever
starts it. Each one is a privilege-escalation path if it has a bug or can be tricked into running
other code, which is why the CIS Docker Benchmark asks to remove such bits from images. dockle
checks the built image for s-bit files; this rule catches the ones the Dockerfile adds itself (the
ones a base image ships are only visible in the built image).

## Example
```dockerfile
FROM debian:12
COPY tool /usr/local/bin/tool
RUN chmod 4755 /usr/local/bin/tool
```

## Use instead
```dockerfile
FROM debian:12
COPY tool /usr/local/bin/tool
RUN chmod 0755 /usr/local/bin/tool
```
Give the program the one capability it needs instead (`setcap cap_net_bind_service=+ep`), or run
the container as the user it needs. To strip the bits a base image ships:
`RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} + || true`.

## Fix safety
No fix: the program may rely on the bit (e.g. `ping` on old kernels, `sudo`).

## References
- CIS Docker Benchmark 4.8 "Ensure setuid and setgid permissions are removed"
- dockle CIS-DI-0008
)md",
};

}  // namespace shipshape
