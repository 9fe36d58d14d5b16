// chmod 777 and other world-writable modes.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

// True for modes that give "others" write permission without the sticky bit.
bool WorldWritable(std::string_view m) {
  if (m.empty()) return false;
  bool octal = true;
  for (char c : m) octal = octal && c >= '0' && c <= '7';
  if (octal) {
    if (m.size() > 4) return false;
    int others = m.back() - '0';
    bool sticky = m.size() == 4 && ((m[0] - '0') & 1);
    return (others & 2) && !sticky;
  }
  // Symbolic: clauses like o+w, a+rwx, ugo=rwx separated by commas.
  bool world = false, sticky = false;
  size_t p = 0;
  while (p <= m.size()) {
    size_t comma = m.find(',', p);
    if (comma == std::string_view::npos) comma = m.size();
    std::string_view clause = m.substr(p, comma - p);
    size_t op = clause.find_first_of("+=");
    if (op != std::string_view::npos && clause.find('-') == std::string_view::npos) {
      std::string_view who = clause.substr(0, op);
      std::string_view perms = clause.substr(op + 1);
      bool all = who.find('a') != std::string_view::npos || who.find('o') != std::string_view::npos;
      if (all && perms.find('w') != std::string_view::npos) world = true;
      if (perms.find('t') != std::string_view::npos) sticky = true;
    }
    p = comma + 1;
  }
  return world && !sticky;
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    for (const Cmd& c : r->cmds) {
      if (c.name() != "chmod") continue;
      std::vector<const shell::Word*> pos = shell::Positionals(c.args());
      if (pos.size() < 2 || !pos[0]->IsStatic() || !WorldWritable(pos[0]->value())) continue;
      Emit(ctx, Span(c, *pos[0], *pos.back()),
           "chmod " + std::string(pos[0]->value()) +
               " makes files writable by every user in the container; grant only what the "
               "owner or group needs");
    }
  }
}

}  // namespace

extern constinit const Rule kChmodWorldWritable{
    .code = "DF092",
    .name = "chmod-world-writable",
    .summary = "chmod makes files world-writable (777, a+w, o+w)",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kPreview,
    .aliases = {},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags `chmod` with a mode that gives everyone write access: octal modes whose last digit has the
write bit (`777`, `666`, `0757`), or symbolic modes like `a+w`, `o+rwx`, `ugo=rwx`. Modes with
the sticky bit (`1777`, `a+rwxt`, the usual `/tmp` permission) are not flagged.

## Why is this bad
Any process in the container, whatever user it runs as, can then replace the files: a
compromised low-privilege process can rewrite application code or scripts run by root.

## Example
```dockerfile
RUN chmod -R 777 /app
```

## Use instead
```dockerfile
RUN chown -R app:app /app && chmod -R u=rwX,go=rX /app
```

## Fix safety
No fix: the right owner and mode depend on who must write.

## References
- https://docs.docker.com/build/building/best-practices/#user
)md",
};

}  // namespace shipshape
