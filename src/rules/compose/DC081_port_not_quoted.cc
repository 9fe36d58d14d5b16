// Unquoted port specs (preview, style): `22:22` is a base-60 number to YAML 1.1 parsers.
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  crules::OncePerRange once;
  for (const compose::Service& s : f.services) {
    for (std::string_view key : {"ports", "expose"}) {
      const yaml::Entry* e = s.Find(key);
      if (!e || e->value->source != 0 || !e->value->IsSequence()) continue;
      for (const yaml::Item& it : e->value->items) {
        const yaml::Node* n = it.node;
        if (it.is_alias || !n->IsScalar() || n->style != yaml::ScalarStyle::kPlain || n->source != 0) continue;
        const bool colon = n->value.find(':') != std::string::npos;
        std::optional<DiagnosticBuilder> b = once.Report(
            ctx, f, &s, n->range,
            "unquoted port `" + n->value + "` in `" + std::string(key) + "`" +
                (colon ? std::string(": YAML 1.1 parsers read `HH:MM`-like values as base-60 numbers") : std::string()));
        if (b) b->WithFix("Quote the port", Applicability::kSafe,
                          {Edit::Replace(n->range, compose::edit::DoubleQuote(n->value))});
      }
    }
  }
}

}  // namespace

extern constinit const Rule kPortNotQuoted{
    .code = "DC081",
    .name = "port-not-quoted",
    .summary = "Port specs in `ports`/`expose` are not quoted",
    .target = Target::kCompose,
    .severity = Severity::kInfo,
    .category = Category::kStyle,
    .fix = FixAvailability::kAlways,
    .status = Status::kPreview,
    .aliases = {{"dclint", "require-quotes-in-ports"}},
    .check_compose = Check,
    .fix_example = {.before = "services:\n  ssh:\n    image: a:1\n    ports:\n      - 2222:22\n      - 80\n", .after = "services:\n  ssh:\n    image: a:1\n    ports:\n      - \"2222:22\"\n      - \"80\"\n"},
    .docs = R"md(## What it does
Flags plain (unquoted) scalars in `ports` and `expose`. Preview rule (opt-in).

## Why is this bad
YAML 1.1 parsers (PyYAML, older docker-compose v1, many tools around Compose) read
`22:22` as the base-60 number 1342, and `80` as an integer rather than a string. Quoting removes
the ambiguity for every reader of the file.

## Example
```yaml
services:
  ssh:
    image: myorg/ssh:1
    ports:
      - 2222:22
```

## Use instead
```yaml
services:
  ssh:
    image: myorg/ssh:1
    ports:
      - "2222:22"
```

## Fix safety
Safe: the value is wrapped in double quotes; Compose reads the same port.

## References
- dclint `require-quotes-in-ports`
- https://yaml.org/type/int.html (base 60)
)md",
};

}  // namespace shipshape
