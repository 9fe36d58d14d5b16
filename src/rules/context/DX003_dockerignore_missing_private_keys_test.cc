// DX003 dockerignore-missing-private-keys
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DX003.snap.
#include "rules/cases.h"
#include "rules/context/cases.h"

namespace shipshape {
namespace {

using context::At;

const RuleCases kCases("DX003", {
    At(".dockerignore",
       Bad("node_modules\n", "node_modules\n\n# Private keys\n**/*.pem\n**/*.key\n"
                             "**/id_rsa*\n**/id_ed25519*\n")),
    At(".dockerignore",
       Bad("*.pem\n", "*.pem\n\n# Private keys\n**/*.key\n**/id_rsa*\n**/id_ed25519*\n")),
    At(".dockerignore", Good("*.pem\n*.key\nid_rsa*\nid_ed25519*\n")),
    At(".dockerignore", Good("*\n!app\n")),
    // The image bakes in a development key on purpose.
    At(".dockerignore", Good("id_rsa*\nid_ed25519*\n"),
       {{"Dockerfile", "FROM nginx\nCOPY server.key server.pem /etc/nginx/\n"}})});

}  // namespace
}  // namespace shipshape
