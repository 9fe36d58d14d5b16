// Not applicable: vulnerable package versions are a scanner's job on the built image.
#include "rules/rule.h"

namespace shipshape {

extern constinit const Rule kKnownVulnerablePackageVersion{
    .code = "DF902",
    .name = "known-vulnerable-package-version",
    .summary = "Not applicable: a package version with known vulnerabilities is installed",
    .target = Target::kDockerfile,
    .severity = Severity::kError,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kNotApplicable,
    .aliases = {{"kics", "Vulnerable OpenSSL Version"}},
    .docs = R"md(## What it does
Nothing: listed so that every entry of the peer catalogue is accounted for.

## Why not applicable
KICS has one query that matches an OpenSSL 3.0.0-3.0.5 pin in an install command. A table of
vulnerable versions compiled into a linter is stale the day after release and covers only the
packages someone thought of; worse, its silence reads as "no known vulnerabilities". Most packages
in an image are not pinned in the Dockerfile at all and come from the base image, where only a
scan of the built image can see them. shipshape makes versions explicit (pinning rules for apt,
apk, dnf, pip, npm, gem, go and base images) so that a scanner's findings are reproducible, and
leaves vulnerability matching to tools with a live database.

## Use instead
Scan the built image with Trivy (`trivy image IMAGE`), Grype or Docker Scout in CI, and keep the
pins shipshape asks for so rebuilds are reproducible.

## References
- KICS query "Vulnerable OpenSSL Version" (in the repository, not in the published list)
)md",
};

}  // namespace shipshape
