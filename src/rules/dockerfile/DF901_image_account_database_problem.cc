// Not applicable: dockle's /etc/passwd and /etc/shadow checks read a built image's files.
#include "rules/rule.h"

namespace shipshape {

extern constinit const Rule kImageAccountDatabaseProblem{
    .code = "DF901",
    .name = "image-account-database-problem",
    .summary = "Not applicable: empty passwords or duplicate IDs in the built image's account files",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kNotApplicable,
    .aliases = {{"dockle", "DKL-LI-0001"}, {"dockle", "DKL-LI-0002"}},
    .docs = R"md(## What it does
Nothing: listed so that every entry of the peer catalogue is accounted for.

## Why not applicable
dockle opens the layers of a built image and reads `/etc/shadow` (accounts with an empty password,
DKL-LI-0001) and `/etc/passwd` / `/etc/group` (duplicate user or group IDs, DKL-LI-0002). Those
files come mostly from the base image and from package scripts run during the build; a Dockerfile
shows neither. shipshape audits sources and never builds or unpacks images, so any answer it gave
would be a guess.

## Use instead
Scan the built image with dockle (`dockle IMAGE`) or Trivy. For the parts a Dockerfile does show,
shipshape checks how users are created (`useradd`/`adduser` flags, non-root `USER`, UID ranges).

## References
- dockle: DKL-LI-0001 (empty password), DKL-LI-0002 (duplicate UID/GID)
)md",
};

}  // namespace shipshape
