#include "compose/swarm_schema.h"

#include <cstdlib>
#include <string>

#include "compose/service_role.h"

namespace shipshape::compose {

bool SwarmSchemaBelow(const ComposeFile& f, std::string_view path, int minor) {
  if (!f.version.present() || !f.version.known) return false;
  if (ClassifyFile(f, path).role != FileRole::kSwarmStack) return false;
  const std::string& v = f.version.text;
  if (v.size() < 1 || v[0] != '3') return false;
  if (v.size() == 1) return minor > 0;  // `version: "3"` is 3.0
  if (v[1] != '.') return false;
  return std::atoi(v.c_str() + 2) < minor;
}

}  // namespace shipshape::compose
