// Duplicate mapping keys.
#include "rules/rule.h"

namespace shipshape {

extern constinit const Rule kComposeDuplicateKey{
    .code = "DC002",
    .name = "compose-duplicate-key",
    .summary = "The same key appears twice in one mapping",
    .target = Target::kCompose,
    .severity = Severity::kError,
    .category = Category::kCorrectness,
    .fix = FixAvailability::kNone,
    .aliases = {{"dclint", "no-duplicate-keys"}},
    .docs = R"md(## What it does
Finds a key written twice in the same mapping, such as two `environment:` blocks in one service.

## Why is this bad
YAML parsers disagree on which copy wins, and `docker compose` refuses the file. Either way one
of the two blocks the author wrote is silently lost.

## Example
```yaml
services:
  web:
    image: nginx:1.27
    image: nginx:1.26
```

## Use instead
```yaml
services:
  web:
    image: nginx:1.27
```

## Fix safety
No automatic fix: which copy is right cannot be known.

## References
- https://yaml.org/spec/1.2.2/#mapping (keys must be unique)
)md",
};

}  // namespace shipshape
