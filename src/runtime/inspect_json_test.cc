#include "runtime/inspect_json.h"

#include <gtest/gtest.h>

#include "runtime/test_util.h"

namespace shipshape::runtime {
namespace {

using testing::ReadFixture;

Result<std::vector<LoadedContainer>> Load(std::string_view json) { return LoadInspectJson(json); }

TEST(LoadInspectJson, ArrayOfContainers) {
  auto r = Load(ReadFixture("engine-27.3_compose-stack.json"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  const LoadedContainer& web = (*r)[0];
  EXPECT_EQ(web.file.path, "container:shop-web-1");
  EXPECT_EQ(web.model.name, "shop-web-1");
  EXPECT_EQ(web.model.image_ref, "nginx:1.27");
  EXPECT_EQ(web.model.restart_policy, "unless-stopped");
  EXPECT_EQ(web.model.compose.project, "shop");
  EXPECT_EQ(web.model.compose.service, "web");
  EXPECT_EQ(web.model.compose.config_files,
            (std::vector<std::string>{"/srv/shop/compose.yaml", "/srv/shop/compose.prod.yaml"}));
  EXPECT_FALSE(web.model.pids_limit.has_value());  // null on engine 27
  ASSERT_EQ(web.model.port_bindings.size(), 1u);
  EXPECT_EQ(web.model.port_bindings[0].container_port, "80/tcp");
  EXPECT_EQ(web.model.port_bindings[0].host_port, "8080");
  EXPECT_EQ(web.model.port_bindings[0].pointer, "/HostConfig/PortBindings/80~1tcp/0");
  // The bind appears in Binds and again in Mounts: one mount, from Binds.
  ASSERT_EQ(web.model.mounts.size(), 1u);
  EXPECT_EQ(web.model.mounts[0].pointer, "/HostConfig/Binds/0");
  EXPECT_TRUE(web.model.mounts[0].read_only);

  const LoadedContainer& db = (*r)[1];
  EXPECT_EQ(db.model.user, "postgres");
  EXPECT_TRUE(db.model.has_healthcheck);
  EXPECT_EQ(db.model.health_status, "healthy");
  EXPECT_EQ(db.model.pids_limit, 200);
  EXPECT_EQ(db.model.memory, 1073741824);
  EXPECT_EQ(db.model.nano_cpus, 2000000000);
  EXPECT_EQ(db.model.log_options.at("max-size"), "10m");
  ASSERT_EQ(db.model.mounts.size(), 1u);  // HostConfig.Mounts volume, deduplicated with Mounts.
  EXPECT_EQ(db.model.mounts[0].type, "volume");
  EXPECT_EQ(db.model.mounts[0].pointer, "/HostConfig/Mounts/0");
}

TEST(LoadInspectJson, TextIsPrettyPrintedInEngineOrder) {
  auto r = Load(ReadFixture("engine-27.3_compose-stack.json"));
  ASSERT_TRUE(r.ok());
  const std::string& text = (*r)[0].file.text;
  EXPECT_EQ(text.substr(0, 14), "{\n    \"Id\": \"3");
  EXPECT_LT(text.find("\"Id\""), text.find("\"State\""));
  EXPECT_LT(text.find("\"State\""), text.find("\"HostConfig\""));
  EXPECT_EQ(text.back(), '\n');
  // Each container's text is only that container.
  EXPECT_EQ(text.find("shop-db-1"), std::string::npos);
}

TEST(LoadInspectJson, MasksEnvironmentValues) {
  auto r = Load(ReadFixture("engine-27.3_compose-stack.json"));
  ASSERT_TRUE(r.ok());
  for (const LoadedContainer& c : *r) {
    EXPECT_EQ(c.file.text.find("hunter2"), std::string::npos);
    EXPECT_EQ(c.file.text.find("s3cr3t-do-not-print"), std::string::npos);
  }
  EXPECT_NE((*r)[1].file.text.find("\"POSTGRES_PASSWORD=****\""), std::string::npos);
  EXPECT_NE((*r)[0].file.text.find("\"SESSION_SECRET=****\""), std::string::npos);
}

TEST(LoadInspectJson, SingleObjectFromOldEngine) {
  // Engine 18.09, `GET /containers/{id}/json` shape: one object, PidsLimit 0, no Mounts anywhere.
  auto r = Load(ReadFixture("engine-18.09_single-object.json"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 1u);
  const Container& c = (*r)[0].model;
  EXPECT_EQ(c.name, "billing");
  EXPECT_EQ(c.pids_limit, 0);
  EXPECT_TRUE(c.mounts.empty());
  EXPECT_EQ(c.cpu_quota, 50000);
  EXPECT_FALSE(c.compose.present());
}

TEST(LoadInspectJson, NullHostConfigMountsAndBindsAnywhere) {
  auto r = Load(ReadFixture("engine-24.0_privileged-host.json"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  const Container& c = (*r)[0].model;
  EXPECT_TRUE(c.privileged);
  EXPECT_EQ(c.binds.size(), 5u);
  ASSERT_EQ(c.mounts.size(), 5u);  // 5 binds; top-level Mounts duplicate them by target.
  EXPECT_EQ(c.mounts[0].source, "/");
  EXPECT_EQ(c.mounts[0].target, "/rootfs");
  EXPECT_TRUE(c.mounts[0].read_only);
  EXPECT_EQ(c.network_mode, "host");
  EXPECT_EQ(c.apparmor_profile, "unconfined");
}

TEST(LoadInspectJson, ComposeV1RelativeConfigFiles) {
  auto r = Load(ReadFixture("engine-20.10_compose-v1-unhealthy.json"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  const Container& c = (*r)[0].model;
  EXPECT_EQ(c.compose.config_files, (std::vector<std::string>{"/opt/legacy/docker-compose.yml"}));
  EXPECT_EQ(c.health_status, "unhealthy");
  EXPECT_EQ(c.health_failing_streak, 14);
  EXPECT_EQ(c.health_last_exit_code, 1);
  EXPECT_EQ(c.health_last_output, "curl: (22) The requested URL returned error: 503");
  EXPECT_EQ(c.restart_policy, "on-failure");
  EXPECT_EQ(c.restart_max_retries, 0);
  ASSERT_EQ(c.mounts.size(), 2u);
  EXPECT_FALSE(c.mounts[1].read_only);  // "/etc/legacy:/etc/legacy:rw"
}

TEST(LoadInspectJson, MinimalAndOddlyTypedFields) {
  // Wrong types read as absent rather than crashing; huge numbers clamp.
  auto r = Load(R"([{"Name":"/x","HostConfig":{"Memory":"lots","CapAdd":"SYS_ADMIN",
      "PidsLimit":1e30,"NanoCpus":18446744073709551615,"Binds":[1,null,"/a:/b"],
      "PortBindings":{"80/tcp":null,"81/tcp":[{"HostIp":null}]},"LogConfig":{"Config":{"n":1}}},
      "Config":{"Labels":null,"Healthcheck":{"Test":null}}}])");
  ASSERT_TRUE(r.ok()) << r.error().message;
  const Container& c = (*r)[0].model;
  EXPECT_EQ(c.memory, 0);
  EXPECT_TRUE(c.cap_add.empty());
  EXPECT_EQ(c.pids_limit, INT64_MAX);
  EXPECT_EQ(c.nano_cpus, INT64_MAX);
  EXPECT_EQ(c.binds.size(), 3u);
  ASSERT_EQ(c.port_bindings.size(), 1u);
  EXPECT_EQ(c.port_bindings[0].host_ip, "");
  EXPECT_EQ(c.log_options.at("n"), "1");
  EXPECT_FALSE(c.has_healthcheck);
}

TEST(LoadInspectJson, EmptyArrayIsNoContainers) {
  auto r = Load("[]\n");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->empty());
}

TEST(LoadInspectJson, PathFallsBackToShortIdThenIndex) {
  auto r = Load(R"([{"Id":"0123456789abcdef0123"},{"State":{}}])");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)[0].file.path, "container:0123456789ab");
  EXPECT_EQ((*r)[1].file.path, "container:#2");
}

TEST(LoadInspectJson, ByteOrderMarkIsSkipped) {
  auto r = Load("\xEF\xBB\xBF[{\"Name\":\"/x\"}]");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->size(), 1u);
}

struct BadInput {
  std::string_view json;
  std::string_view message_part;
};

class LoadInspectJsonErrors : public ::testing::TestWithParam<BadInput> {};

TEST_P(LoadInspectJsonErrors, ClearErrorNoCrash) {
  auto r = Load(GetParam().json);
  ASSERT_FALSE(r.ok()) << GetParam().json;
  EXPECT_EQ(r.error().code, ErrorCode::kParse);
  EXPECT_NE(r.error().message.find(GetParam().message_part), std::string::npos)
      << r.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Malformed, LoadInspectJsonErrors,
    ::testing::Values(
        BadInput{"", "empty input"}, BadInput{"  \n", "empty input"},
        BadInput{"[{\"Name\": \"/x\",",
                 "invalid `docker inspect` JSON: parse error at line 1, column 16"},
        BadInput{"[{\"Name\": \"/x\"},]", "invalid `docker inspect` JSON: parse error"},
        BadInput{"[{\"Name\": \"/x\"}\n{\"Name\": \"/y\"}]", "line 2, column 1"},
        BadInput{"[{'Name': '/x'}]", "invalid `docker inspect` JSON"},
        BadInput{"Error: No such object: web", "invalid `docker inspect` JSON"},
        BadInput{"[{\"Name\": \"/x\"}] trailing", "invalid `docker inspect` JSON"},
        BadInput{"[\"\xff\xfe\"]", "invalid `docker inspect` JSON"},
        BadInput{"[1, 2]", "element 0 of the array is a JSON number"},
        BadInput{"\"text\"", "the JSON document is a JSON string"},
        BadInput{"[{\"Name\":\"/x\"}, {\"Foo\": 1}]", "element 1 of the array is not a container"},
        BadInput{"{\"Name\":\"net\",\"IPAM\":{}}", "is a network"},
        BadInput{"[{\"Name\":\"v\",\"Mountpoint\":\"/var/lib/docker/volumes/v/_data\"}]",
                 "is a volume"}));

TEST(LoadInspectJson, ImageInspectOutputIsRejected) {
  auto r = Load(ReadFixture("image-inspect_not-a-container.json"));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("`docker image inspect` output"), std::string::npos)
      << r.error().message;
}

TEST(LoadInspectJson, DeepNestingIsRejected) {
  std::string deep = "[" + std::string(200, '[') + std::string(200, ']') + "]";
  auto r = Load(deep);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("nested deeper than 64"), std::string::npos);
  // 100k levels must not overflow the stack either.
  std::string deeper(100000, '[');
  EXPECT_FALSE(Load(deeper).ok());
}

TEST(LoadInspectJson, TruncatedFixturesNeverCrash) {
  const std::string full = ReadFixture("engine-24.0_privileged-host.json");
  ASSERT_FALSE(full.empty());
  for (size_t n = 0; n < full.size(); n += 97) {
    auto r = Load(std::string_view(full).substr(0, n));
    EXPECT_FALSE(r.ok()) << n;
  }
}

}  // namespace
}  // namespace shipshape::runtime
