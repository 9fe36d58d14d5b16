// Compose detection by content: other YAML formats with a `services:` key are not Compose.
#include "compose/detect.h"

#include <gtest/gtest.h>

#include "cli/discover.h"

namespace shipshape::compose {
namespace {

TEST(ComposeDetect, ComposeFilesAreRecognised) {
  EXPECT_TRUE(LooksLikeComposeContent("services:\n  web:\n    image: nginx:1.27\n"));
  EXPECT_TRUE(LooksLikeComposeContent("# app\nversion: '3.8'\n\nservices:\n  # the api\n  api:\n    build: .\n"));
  EXPECT_TRUE(LooksLikeComposeContent("name: shop\nx-common: &c\n  restart: always\nservices:\n  db:\n    <<: *c\n"
                                      "volumes:\n  data: {}\n"));
  EXPECT_TRUE(LooksLikeComposeContent("services: {web: {image: nginx}}\n"));
  EXPECT_TRUE(LooksLikeComposeContent("\"services\":\n  web:\n    image: nginx\n"));
}

// Render.com blueprint (a list of services), as committed by projects deploying there.
TEST(ComposeDetect, RenderBlueprintIsNotCompose) {
  EXPECT_FALSE(LooksLikeComposeContent(
      "services:\n  - type: web\n    name: outline\n    env: docker\n    plan: standard\n"
      "    envVars:\n      - key: SECRET_KEY\n        generateValue: true\n"
      "databases:\n  - name: outline-db\n"));
  EXPECT_FALSE(LooksLikeComposeContent("services:\n- type: worker\n  name: jobs\n"));
}

TEST(ComposeDetect, OtherFormatsAreNotCompose) {
  // Kubernetes manifest.
  EXPECT_FALSE(LooksLikeComposeContent("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n"));
  // GitHub workflow: its `services:` is nested under a job.
  EXPECT_FALSE(LooksLikeComposeContent("on: [push]\njobs:\n  test:\n    services:\n      db:\n        image: postgres\n"));
  // Helm values with a `services:` mapping beside chart settings.
  EXPECT_FALSE(LooksLikeComposeContent("replicaCount: 2\nservices:\n  api:\n    port: 8080\n"));
  EXPECT_FALSE(LooksLikeComposeContent("services: []\n"));
  EXPECT_FALSE(LooksLikeComposeContent("services:\nnetworks:\n  a: {}\n"));
  EXPECT_FALSE(LooksLikeComposeContent(""));
  EXPECT_FALSE(LooksLikeComposeContent("- services:\n    a: 1\n"));
}

// Discovery asks the same question of YAML files not named like Compose files: a Render
// blueprint beside the real Compose file was parsed as Compose and reported DC001 (issue 16).
TEST(ComposeDetect, DiscoveryUsesTheContent) {
  const std::string render =
      "services:\n  - type: web\n    name: app\n    runtime: docker\n    dockerfilePath: ./Dockerfile\n";
  EXPECT_EQ(ClassifyFile("render.yaml", render), FileKind::kOther);
  EXPECT_EQ(ClassifyFile(".github/workflows/ci.yml", "on: push\njobs:\n  t:\n    services:\n      db:\n        image: x\n"),
            FileKind::kOther);
  EXPECT_EQ(ClassifyFile("deploy/stack.yml", "version: '3.8'\nservices:\n  web:\n    image: nginx:1.27\n"),
            FileKind::kCompose);
}

}  // namespace
}  // namespace shipshape::compose
