// DC004 image-untrusted-registry
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC004.snap.
#include "rules/cases.h"
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

void TrustGlob(Config& c) { c.trusted_registries = {"*.gcr.io", "ghcr.io/myorg"}; }

void TrustCorp(Config& c) { c.trusted_registries = {"registry.corp.example", "docker.io/library"}; }

const RuleCases kCases("DC004", {
    WithConfig(TrustCorp, Bad("services:\n  web:\n    image: randomuser/nginx:1.27\n")),
    WithConfig(TrustCorp, Bad("services:\n  web:\n    image: quay.io/prometheus/prometheus:v2.53.0\n")),
    WithConfig(TrustGlob, Bad("services:\n  web:\n    image: ghcr.io/other/app:1\n")),
    WithConfig(TrustCorp, Good("services:\n  web:\n    image: registry.corp.example/web:1\n")),
    WithConfig(TrustCorp, Good("services:\n  web:\n    image: postgres:16\n")),
    WithConfig(TrustGlob, Good("services:\n  web:\n    image: eu.gcr.io/proj/app:1\n")),
    WithConfig(TrustGlob, Good("services:\n  web:\n    image: ghcr.io/myorg/app:1\n")),
    Good("services:\n  web:\n    image: randomuser/nginx:1.27\n")});

}  // namespace
}  // namespace shipshape
