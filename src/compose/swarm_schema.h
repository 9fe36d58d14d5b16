// What a Swarm stack file's declared `version:` lets a fix add. `docker stack deploy` validates a
// stack against the v3 schema of the version the file declares (unlike docker compose, which
// ignores `version:`): `version: '3.1'` rejects a healthcheck's `start_period` (3.4) and a
// service's `tmpfs` (3.6). Fixes that would add them are withheld there (issue 16: the base file
// of BretFisher/udemy-docker-mastery's swarm-stack-3).
#ifndef SHIPSHAPE_COMPOSE_SWARM_SCHEMA_H_
#define SHIPSHAPE_COMPOSE_SWARM_SCHEMA_H_

#include <string_view>

#include "compose/compose.h"

namespace shipshape::compose {

/// True when the file at `path` is a Swarm stack (ClassifyFile) declaring a `3.x` version below
/// `3.<minor>`, so keys introduced in `3.<minor>` make `docker stack deploy` refuse it. False for
/// other files and for stacks without a readable version (the newest schema applies).
bool SwarmSchemaBelow(const ComposeFile& f, std::string_view path, int minor);

}  // namespace shipshape::compose

#endif  // SHIPSHAPE_COMPOSE_SWARM_SCHEMA_H_
