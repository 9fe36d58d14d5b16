// YAML syntax errors and structural problems that stop `docker compose` from reading the file.
#include "rules/rule.h"

namespace shipshape {

extern constinit const Rule kComposeSyntaxError{
    .code = "DC000",
    .name = "compose-syntax-error",
    .summary = "The Compose file is not valid YAML or not a Compose mapping",
    .target = Target::kCompose,
    .severity = Severity::kError,
    .category = Category::kCorrectness,
    .fix = FixAvailability::kNone,
    .aliases = {{"dclint", "invalid-yaml"}},
    .docs = R"md(## What it does
Reports a Compose file that cannot be read: a YAML syntax error, invalid UTF-8, an alias bomb
(anchors that expand beyond a million nodes), nesting deeper than 1,000 levels, a file that is not
a mapping, or a value `extends` or `include` cannot resolve.

## Why is this bad
`docker compose` refuses the whole project, so nothing starts. Other Compose rules are skipped for
a file that cannot be read, so its other problems stay hidden until this is fixed.

## Example
```yaml
services:
  web:
    image: "nginx:1.27
```

## Use instead
```yaml
services:
  web:
    image: "nginx:1.27"
```

## Fix safety
No automatic fix: what the author meant cannot be known.

## References
- https://yaml.org/spec/1.2.2/
- https://docs.docker.com/reference/compose-file/
)md",
};

}  // namespace shipshape
