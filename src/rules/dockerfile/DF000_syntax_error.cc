// The parser's errors, reported as findings: a Dockerfile that BuildKit would reject.
#include "rules/rule.h"

namespace shipshape {

extern constinit const Rule kDockerfileSyntaxError{
    .code = "DF000",
    .name = "dockerfile-syntax-error",
    .summary = "The Dockerfile does not parse the way BuildKit parses it",
    .target = Target::kDockerfile,
    .severity = Severity::kError,
    .category = Category::kCorrectness,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {},
    .docs = R"md(## What it does
Reports a Dockerfile that BuildKit's parser rejects: an empty file, a file with only comments, an
`ENV` without a value, an unterminated heredoc, an instruction BuildKit does not know, and similar.

## Why is this bad
`docker build` stops at the first such error, so nothing after it is ever built. Other rules only
run on the parts that could be read, so their findings may be incomplete.

## Example
```dockerfile
FROM alpine:3.20
ENV GREETING
```

## Use instead
```dockerfile
FROM alpine:3.20
ENV GREETING=hello
```

## Fix safety
No automatic fix: the intent of broken syntax cannot be guessed.

## References
- Dockerfile reference: https://docs.docker.com/reference/dockerfile/
)md",
};

}  // namespace shipshape
