// DX024 env-example-real-secret
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DX024.snap.
#include "rules/cases.h"
#include "rules/context/cases.h"

namespace shipshape {
namespace {

using context::At;

const RuleCases kCases("DX024", {
    At(".env.example", Bad("GITHUB_TOKEN=ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8\n",
                           "GITHUB_TOKEN=\n")),
    At(".env.sample", Bad("AWS_ACCESS_KEY_ID=AKIAZ7Q2XJ4MN5BVC3RT\n", "AWS_ACCESS_KEY_ID=\n")),
    At(".env.template", Bad("JWT_SECRET=\"k3J9xQ2mZ7vB4nL8pR1tY6wE5uI0oA\"\n", "JWT_SECRET=\n")),
    At(".env.example", Good("GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n")),
    At(".env.example", Good("JWT_SECRET=your-jwt-secret-here\n")),
    At(".env.example", Good("AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n")),
    At(".env.example", Good("API_TOKEN=\nSECRET_KEY=changeme\n")),
    At(".env.example", Good("DATABASE_URL=postgres://user:pass@db:5432/app\n")),
    At(".env", Good("GITHUB_TOKEN=ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8\n"))});

}  // namespace
}  // namespace shipshape
