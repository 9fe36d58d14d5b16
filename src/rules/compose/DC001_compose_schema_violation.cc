// Validation against the official Compose specification schema.
#include "rules/rule.h"

namespace shipshape {

extern constinit const Rule kComposeSchemaViolation{
    .code = "DC001",
    .name = "compose-schema-violation",
    .summary = "A key or value the Compose specification does not allow",
    .target = Target::kCompose,
    .severity = Severity::kError,
    .category = Category::kCorrectness,
    .fix = FixAvailability::kNone,
    .aliases = {{"dclint", "invalid-schema"}},
    .docs = R"md(## What it does
Validates the file against the Compose specification's JSON schema (compiled into shipshape) and
reports each violation at the offending key or value, saying what is allowed there. Values built
from `${VARIABLES}` are checked after interpolation, as `docker compose` does, so `${PORT}` where a
number is expected is not an error.

## Why is this bad
`docker compose` rejects files that break the schema, often only at deploy time. Common causes:
options placed at the wrong level (`restart_policy` directly under a service instead of under
`deploy`), misspelled keys, lists where maps are expected.

## Example
```yaml
services:
  web:
    image: nginx:1.27
    restart_policy:
      condition: on-failure
```

## Use instead
```yaml
services:
  web:
    image: nginx:1.27
    deploy:
      restart_policy:
        condition: on-failure
```

## Fix safety
No automatic fix; the message says where the key belongs when the schema knows it.

## References
- https://github.com/compose-spec/compose-spec/blob/main/schema/compose-spec.json
- https://docs.docker.com/reference/compose-file/services/
)md",
};

}  // namespace shipshape
