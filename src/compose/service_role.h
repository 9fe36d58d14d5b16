// What a Compose file and each of its services are for, so that fixes fit the workload they
// touch (issue 16). One place decides; the rules that add `restart:`, healthchecks, limits,
// `pids_limit` or log options ask here instead of guessing each on their own.
//
// Service roles:
//   - server: runs until stopped (the default when nothing says otherwise);
//   - one-shot job: exits by design (a data container running `/bin/true`, a test runner such as
//     `sut`, a migration or `manage` job, Cypress): `restart: unless-stopped` would rerun it
//     forever and a healthcheck would never pass;
//   - sidecar: shares another service's network namespace (`network_mode: service:x`).
// File roles:
//   - production (default);
//   - test/CI/e2e: throwaway stacks (by path, name, or every service a job);
//   - Swarm stack: a `docker stack deploy` file (by name or Swarm-only `deploy:` keys), where
//     `restart:` and `pids_limit` are ignored or rejected and `version:` must stay.
// Every classification carries the reason, for messages ("assumed a one-shot job: ...").
#ifndef SHIPSHAPE_COMPOSE_SERVICE_ROLE_H_
#define SHIPSHAPE_COMPOSE_SERVICE_ROLE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "compose/compose.h"

namespace shipshape::compose {

enum class ServiceRole : uint8_t { kServer, kOneShot, kSidecar };

struct ServiceRoleInfo {
  ServiceRole role = ServiceRole::kServer;
  std::string why;  ///< Empty for a server; else what made it a job or sidecar.
};

/// Classifies `s` of `f` (its same-file `extends` chain included).
ServiceRoleInfo ClassifyService(const ComposeFile& f, const Service& s);

enum class FileRole : uint8_t { kProduction, kTest, kSwarmStack };

struct FileRoleInfo {
  FileRole role = FileRole::kProduction;
  std::string why;
};

/// Classifies the Compose file at `path`. A Swarm stack wins over test (a stack file is deployed).
FileRoleInfo ClassifyFile(const ComposeFile& f, std::string_view path);

/// True for test, CI and e2e files by path: a directory or file-name word `test`, `tests`,
/// `testing`, `e2e`, `ci`, `integration`, `cypress`, `playwright` (`docker-compose.test.yml`,
/// `tests/compose.yaml`, `.github/...`).
bool IsTestPath(std::string_view path);

/// True if `f` is a `docker stack deploy` file; `why` (optional) says what showed it.
bool IsSwarmStack(const ComposeFile& f, std::string_view path, std::string* why = nullptr);

/// Why a command line (exec-form words, or a shell string as one word) runs a one-off job and
/// exits (`true`, a migration, a test runner), or empty when it may serve. Shared with the
/// Dockerfile rules (an image whose CMD is a job needs no HEALTHCHECK).
std::string OneShotCommand(const std::vector<std::string>& words);

std::string_view ServiceRoleName(ServiceRole r);
std::string_view FileRoleName(FileRole r);

}  // namespace shipshape::compose

#endif  // SHIPSHAPE_COMPOSE_SERVICE_ROLE_H_
