// End-to-end tests of the Engine API client against a small HTTP server on a temporary unix
// socket, run in a thread: Content-Length, chunked and close-delimited bodies, errors, timeouts.
#include "runtime/engine.h"

#include <gtest/gtest.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "rules/rule.h"
#include "runtime/inspect.h"
#include "runtime/test_util.h"

namespace shipshape::runtime {
namespace {

using Clock = std::chrono::steady_clock;

/// A fake engine. Each connection carries one request (the client sends `Connection: close`).
class FakeEngine {
 public:
  enum class Mode {
    kContentLength,   ///< Content-Length, body written in two pieces.
    kChunked,         ///< Transfer-Encoding: chunked, small chunks, extensions and a trailer.
    kCloseDelimited,  ///< No length: the body ends when the connection closes.
    kSilent,          ///< Listens but never accepts or answers.
    kRaw,             ///< Routes hold the whole raw response.
  };
  struct Answer {
    int status = 200;
    std::string body;
  };

  FakeEngine(Mode mode, std::map<std::string, Answer> routes)
      : mode_(mode), routes_(std::move(routes)) {
    char tmpl[] = "/tmp/shipshape-engine-XXXXXX";
    dir_ = mkdtemp(tmpl);
    path_ = dir_ + "/docker.sock";
    listen_fd_ = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", path_.c_str());
    EXPECT_EQ(bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    EXPECT_EQ(listen(listen_fd_, 16), 0);
    if (mode_ != Mode::kSilent) thread_ = std::thread([this] { Serve(); });
  }

  ~FakeEngine() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
    close(listen_fd_);
    unlink(path_.c_str());
    rmdir(dir_.c_str());
  }

  std::string host() const { return "unix://" + path_; }
  std::vector<std::string> requests() const {
    std::lock_guard<std::mutex> lock(mu_);
    return requests_;
  }

 private:
  void Serve() {
    while (!stop_) {
      pollfd p{listen_fd_, POLLIN, 0};
      if (poll(&p, 1, 20) <= 0) continue;
      int fd = accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
      if (fd < 0) continue;
      Handle(fd);
      close(fd);
    }
  }

  static void Write(int fd, std::string_view s) {
    while (!s.empty()) {
      ssize_t n = send(fd, s.data(), s.size(), MSG_NOSIGNAL);
      if (n <= 0) return;
      s.remove_prefix(static_cast<size_t>(n));
    }
  }
  // Forces the client to see partial reads.
  static void Pause() { std::this_thread::sleep_for(std::chrono::milliseconds(2)); }

  static std::string Reason(int status) {
    switch (status) {
      case 200:
        return "OK";
      case 404:
        return "Not Found";
      case 500:
        return "Internal Server Error";
      default:
        return "Status";
    }
  }

  void Handle(int fd) {
    std::string req;
    char buf[4096];
    const auto deadline = Clock::now() + std::chrono::seconds(2);
    while (req.find("\r\n\r\n") == std::string::npos && Clock::now() < deadline) {
      pollfd p{fd, POLLIN, 0};
      if (poll(&p, 1, 50) <= 0) continue;
      ssize_t n = recv(fd, buf, sizeof buf, 0);
      if (n <= 0) return;
      req.append(buf, static_cast<size_t>(n));
    }
    // "GET /containers/json HTTP/1.1"
    const size_t sp1 = req.find(' ');
    const size_t sp2 = req.find(' ', sp1 + 1);
    const std::string target = req.substr(sp1 + 1, sp2 - sp1 - 1);
    {
      std::lock_guard<std::mutex> lock(mu_);
      requests_.push_back(target);
    }
    EXPECT_EQ(req.substr(0, 4), "GET ");
    EXPECT_NE(req.find("\r\nHost: "), std::string::npos);
    EXPECT_NE(req.find("\r\nConnection: close\r\n"), std::string::npos);

    Answer a{404, R"({"message":"No such container: )" + target + "\"}"};
    if (auto it = routes_.find(target); it != routes_.end()) a = it->second;
    if (mode_ == Mode::kRaw) {
      Write(fd, a.body);
      return;
    }
    std::string head = "HTTP/1.1 " + std::to_string(a.status) + " " + Reason(a.status) +
                       "\r\nApi-Version: 1.47\r\nContent-Type: application/json\r\n"
                       "Docker-Experimental: false\r\nOstype: linux\r\n"
                       "Server: Docker/27.3.1 (linux)\r\nDate: Sat, 02 Nov 2024 10:01:13 GMT\r\n";
    switch (mode_) {
      case Mode::kContentLength: {
        Write(fd, head + "Content-Length: " + std::to_string(a.body.size()) + "\r\n\r\n");
        Pause();
        const size_t half = a.body.size() / 2;
        Write(fd, std::string_view(a.body).substr(0, half));
        Pause();
        Write(fd, std::string_view(a.body).substr(half));
        break;
      }
      case Mode::kChunked: {
        Write(fd, head + "Transfer-Encoding: chunked\r\n\r\n");
        size_t off = 0;
        bool first = true;
        while (off < a.body.size()) {
          const size_t n = std::min<size_t>(first ? 7 : 1500, a.body.size() - off);
          char size_line[32];
          std::snprintf(size_line, sizeof size_line, first ? "%zx;name=value\r\n" : "%zX\r\n", n);
          // Split the size line from its data, and the data from its CRLF.
          Write(fd, size_line);
          Pause();
          Write(fd, std::string_view(a.body).substr(off, n));
          Write(fd, "\r\n");
          off += n;
          first = false;
        }
        Write(fd, "0\r\nX-Trailer: yes\r\n\r\n");
        break;
      }
      case Mode::kCloseDelimited:
        Write(fd, head + "\r\n");
        Pause();
        Write(fd, a.body);
        break;
      case Mode::kSilent:
      case Mode::kRaw:
        break;
    }
  }

  Mode mode_;
  std::map<std::string, Answer> routes_;
  std::string dir_, path_;
  int listen_fd_ = -1;
  std::atomic<bool> stop_{false};
  std::thread thread_;
  mutable std::mutex mu_;
  std::vector<std::string> requests_;
};

/// Routes answering like an engine running the containers of `fixtures`.
std::map<std::string, FakeEngine::Answer> RoutesFor(std::initializer_list<const char*> fixtures,
                                                    std::vector<std::string>* ids = nullptr) {
  std::map<std::string, FakeEngine::Answer> routes;
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const char* f : fixtures) {
    auto doc = nlohmann::ordered_json::parse(testing::ReadFixture(f), nullptr, false);
    EXPECT_FALSE(doc.is_discarded()) << f;
    if (!doc.is_array()) doc = nlohmann::ordered_json::array({doc});
    for (const auto& c : doc) {
      const std::string id = c["Id"].get<std::string>();
      if (ids) ids->push_back(id);
      list.push_back({{"Id", id},
                      {"Names", {c["Name"]}},
                      {"Image", c["Config"]["Image"]},
                      {"State", "running"}});
      // The engine's compact encoding, as on the wire.
      routes["/containers/" + id + "/json"] = {200, c.dump() + "\n"};
    }
  }
  routes["/containers/json"] = {200, list.dump() + "\n"};
  return routes;
}

Config Preview() {
  Config c;
  c.preview = true;
  return c;
}

// A digest of a report: path, then sorted "code@start" per file.
std::vector<std::string> Digest(const Report& r) {
  std::vector<std::string> out;
  for (const FileResult& f : r.files) {
    out.push_back(f.file->path);
    for (const Diagnostic& d : f.diagnostics)
      out.push_back(std::string(d.rule->code) + "@" + std::to_string(d.range.start));
  }
  return out;
}

TEST(Engine, EndToEndContentLength) {
  std::vector<std::string> ids;
  FakeEngine engine(
      FakeEngine::Mode::kContentLength,
      RoutesFor({"engine-27.3_compose-stack.json", "engine-20.10_compose-v1-unhealthy.json"},
                &ids));
  EngineOptions opts;
  opts.host = engine.host();
  opts.timeout_ms = 5000;
  auto r = InspectFromEngine(opts, Preview());
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->report.root, engine.host());
  EXPECT_EQ(r->report.mode, "inspect");
  ASSERT_EQ(r->report.files.size(), 3u);
  EXPECT_EQ(r->report.files[0].file->path, "container:legacy_api_1");
  EXPECT_EQ(r->report.files[1].file->path, "container:shop-db-1");
  EXPECT_EQ(r->report.files[2].file->path, "container:shop-web-1");
  EXPECT_EQ(r->report.files[0].diagnostics.size(), 12u);
  EXPECT_EQ(r->report.files[1].diagnostics.size(), 1u);
  EXPECT_EQ(r->report.files[2].diagnostics.size(), 10u);

  const std::vector<std::string> reqs = engine.requests();
  ASSERT_EQ(reqs.size(), 4u);
  EXPECT_EQ(reqs[0], "/containers/json");
  for (size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(reqs[i + 1], "/containers/" + ids[i] + "/json");

  // Same findings, at the same places, as from `docker inspect` output of the same containers.
  std::string cli_json = "[";
  for (const char* f :
       {"engine-27.3_compose-stack.json", "engine-20.10_compose-v1-unhealthy.json"}) {
    std::string t = testing::ReadFixture(f);
    t = t.substr(t.find('[') + 1, t.rfind(']') - t.find('[') - 1);
    if (cli_json.size() > 1) cli_json += ",";
    cli_json += t;
  }
  cli_json += "]";
  auto from_cli = InspectFromJson(cli_json, Preview());
  ASSERT_TRUE(from_cli.ok()) << from_cli.error().message;
  EXPECT_EQ(Digest(r->report), Digest(from_cli->report));
}

TEST(Engine, EndToEndChunked) {
  FakeEngine chunked(FakeEngine::Mode::kChunked,
                     RoutesFor({"engine-24.0_privileged-host.json", "engine-25.0_hardened.json",
                                "engine-18.09_single-object.json"}));
  FakeEngine plain(FakeEngine::Mode::kContentLength,
                   RoutesFor({"engine-24.0_privileged-host.json", "engine-25.0_hardened.json",
                              "engine-18.09_single-object.json"}));
  EngineOptions opts;
  opts.timeout_ms = 5000;
  opts.host = chunked.host();
  auto a = InspectFromEngine(opts, Preview());
  ASSERT_TRUE(a.ok()) << a.error().message;
  opts.host = plain.host();
  auto b = InspectFromEngine(opts, Preview());
  ASSERT_TRUE(b.ok()) << b.error().message;
  ASSERT_EQ(a->report.files.size(), 3u);
  EXPECT_EQ(a->report.files[0].file->path, "container:billing");
  EXPECT_EQ(a->report.files[0].diagnostics.size(), 1u);
  EXPECT_EQ(a->report.files[1].file->path, "container:cadvisor");
  // As inspect_test.cc lists them (DR015 x2 and DR016 x4 from the shared host-path lists).
  EXPECT_EQ(a->report.files[1].diagnostics.size(), 26u);
  EXPECT_EQ(a->report.files[2].file->path, "container:edge-proxy");
  EXPECT_TRUE(a->report.files[2].diagnostics.empty());
  EXPECT_EQ(Digest(a->report), Digest(b->report));
  for (size_t i = 0; i < a->report.files.size(); ++i)
    EXPECT_EQ(a->report.files[i].file->text, b->report.files[i].file->text);
}

TEST(Engine, CloseDelimitedBody) {
  FakeEngine engine(FakeEngine::Mode::kCloseDelimited, RoutesFor({"engine-25.0_hardened.json"}));
  EngineOptions opts;
  opts.host = engine.host();
  auto json = FetchInspectJson(opts);
  ASSERT_TRUE(json.ok()) << json.error().message;
  auto loaded = InspectFromJson(*json, Preview());
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->report.files.size(), 1u);
}

TEST(Engine, AllAsksForStoppedContainersToo) {
  auto routes = RoutesFor({"engine-25.0_hardened.json"});
  routes["/containers/json?all=1"] = routes["/containers/json"];
  FakeEngine engine(FakeEngine::Mode::kContentLength, routes);
  EngineOptions opts;
  opts.host = engine.host();
  opts.all = true;
  ASSERT_TRUE(FetchInspectJson(opts).ok());
  EXPECT_EQ(engine.requests().at(0), "/containers/json?all=1");
}

TEST(Engine, ContainerGoneBetweenListAndInspectIsSkipped) {
  std::vector<std::string> ids;
  auto routes = RoutesFor({"engine-27.3_compose-stack.json"}, &ids);
  routes.erase("/containers/" + ids[0] + "/json");  // -> 404 "No such container"
  FakeEngine engine(FakeEngine::Mode::kChunked, routes);
  EngineOptions opts;
  opts.host = engine.host();
  auto r = InspectFromEngine(opts, Preview());
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->report.files.size(), 1u);
  EXPECT_EQ(r->report.files[0].file->path, "container:shop-db-1");
}

TEST(Engine, NoContainersRunning) {
  FakeEngine engine(FakeEngine::Mode::kContentLength, {{"/containers/json", {200, "[]\n"}}});
  EngineOptions opts;
  opts.host = engine.host();
  auto r = InspectFromEngine(opts, Preview());
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->report.files.empty());
}

TEST(Engine, ErrorStatusQuotesEngineMessage) {
  FakeEngine engine(FakeEngine::Mode::kContentLength,
                    {{"/containers/json", {500, R"({"message":"layer store is corrupt"})"}}});
  EngineOptions opts;
  opts.host = engine.host();
  auto r = FetchInspectJson(opts);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "the Docker engine at " + engine.host() +
                                   " answered GET /containers/json with 500 Internal Server "
                                   "Error: layer store is corrupt");
}

TEST(Engine, NoEngineAtSocketPath) {
  EngineOptions opts;
  opts.host = "unix:///tmp/shipshape-no-such-dir-4242/docker.sock";
  auto r = InspectFromEngine(opts, Preview());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(r.error().message,
            "cannot connect to the Docker engine at "
            "unix:///tmp/shipshape-no-such-dir-4242/docker.sock: No such file or directory");
}

TEST(Engine, DefaultHostMessage) {
  if (access("/var/run/docker.sock", F_OK) == 0) GTEST_SKIP() << "a Docker socket exists here";
  auto r = FetchInspectJson(EngineOptions{});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "cannot connect to the Docker engine at unix:///var/run/docker.sock: No such file or "
            "directory");
}

TEST(Engine, SocketWithoutListener) {
  // A socket file nobody listens on: refused, not hanging.
  char tmpl[] = "/tmp/shipshape-dead-XXXXXX";
  std::string dir = mkdtemp(tmpl);
  std::string path = dir + "/docker.sock";
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", path.c_str());
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  close(fd);  // Bound, never listened: connect() gets ECONNREFUSED.
  EngineOptions opts;
  opts.host = "unix://" + path;
  auto r = FetchInspectJson(opts);
  unlink(path.c_str());
  rmdir(dir.c_str());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "cannot connect to the Docker engine at unix://" + path + ": Connection refused");
}

TEST(Engine, SilentEngineTimesOut) {
  FakeEngine engine(FakeEngine::Mode::kSilent, {});
  EngineOptions opts;
  opts.host = engine.host();
  opts.timeout_ms = 300;
  const auto start = Clock::now();
  auto r = InspectFromEngine(opts, Preview());
  const auto elapsed = Clock::now() - start;
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kIo);
  EXPECT_EQ(r.error().message, "the Docker engine at " + engine.host() +
                                   " did not answer GET /containers/json within 300 ms");
  EXPECT_GE(elapsed, std::chrono::milliseconds(290));
  EXPECT_LT(elapsed, std::chrono::milliseconds(1500));
}

TEST(Engine, OnlyUnixSockets) {
  for (const char* host : {"tcp://127.0.0.1:2375", "tcp://docker.example.com:2376", "ssh://me@host",
                           "npipe:////./pipe/docker_engine", "fd://", "localhost:2375"}) {
    EngineOptions opts;
    opts.host = host;
    auto r = InspectFromEngine(opts, Preview());
    ASSERT_FALSE(r.ok()) << host;
    EXPECT_EQ(r.error().code, ErrorCode::kUsage);
    EXPECT_NE(r.error().message.find(std::string("cannot use the Docker engine at ") + host +
                                     ": only unix:// sockets are supported"),
              std::string::npos)
        << r.error().message;
  }
  auto empty = UnixSocketPath("unix://");
  ASSERT_FALSE(empty.ok());
}

TEST(Engine, HostFromEnvironment) {
  EXPECT_EQ(DockerHostFromEnv(nullptr), "unix:///var/run/docker.sock");
  EXPECT_EQ(DockerHostFromEnv(""), "unix:///var/run/docker.sock");
  EXPECT_EQ(DockerHostFromEnv("unix:///run/user/1000/docker.sock"),
            "unix:///run/user/1000/docker.sock");
  EXPECT_EQ(*UnixSocketPath("unix:///run/user/1000/docker.sock"), "/run/user/1000/docker.sock");
  EXPECT_EQ(*UnixSocketPath("/var/run/docker.sock"), "/var/run/docker.sock");
}

struct RawCase {
  const char* name;
  std::string response;
  std::string error_part;  // empty: must succeed
};

TEST(Engine, HttpFraming) {
  const std::vector<RawCase> cases = {
      {"chunked with extension and trailers",
       "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4;a=b\r\n[1,2\r\n2\r\n,3\r\n1\r\n]\r\n"
       "0\r\nX-A: 1\r\nX-B: 2\r\n\r\n",
       ""},
      {"interim 100 Continue",
       "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n[]", ""},
      {"header case and spacing", "HTTP/1.1 200 OK\r\ncontent-LENGTH:   2  \r\n\r\n[]extra", ""},
      {"chunked wins over length",
       "HTTP/1.1 200 OK\r\nContent-Length: 99\r\nTransfer-Encoding: "
       "chunked\r\n\r\n2\r\n[]\r\n0\r\n\r\n",
       ""},
      {"bad chunk size",
       "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n[]\r\n0\r\n\r\n",
       "bad chunk size"},
      {"chunk without CRLF",
       "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n[]XX0\r\n\r\n",
       "chunk not followed by CRLF"},
      {"truncated chunked", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n[]",
       "connection closed before the response was complete"},
      {"truncated length", "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n[]",
       "connection closed before the response was complete"},
      {"bad length", "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n[]", "bad Content-Length"},
      {"garbage status", "SSH-2.0-OpenSSH_9.2\r\n\r\n", "malformed status line or headers"},
      {"no headers at all", "", "connection closed before the response headers"},
  };
  std::map<std::string, FakeEngine::Answer> routes;
  for (size_t i = 0; i < cases.size(); ++i)
    routes["/case/" + std::to_string(i)] = {200, cases[i].response};
  FakeEngine engine(FakeEngine::Mode::kRaw, routes);
  const std::string path = engine.host().substr(7);
  for (size_t i = 0; i < cases.size(); ++i) {
    auto r = HttpGetUnix(path, "/case/" + std::to_string(i), 2000, engine.host());
    if (cases[i].error_part.empty()) {
      ASSERT_TRUE(r.ok()) << cases[i].name << ": " << r.error().message;
      EXPECT_EQ(r->status, 200) << cases[i].name;
      EXPECT_TRUE(r->body == "[]" || r->body == "[1,2,3]") << cases[i].name << ": " << r->body;
    } else {
      ASSERT_FALSE(r.ok()) << cases[i].name;
      EXPECT_NE(r.error().message.find(cases[i].error_part), std::string::npos)
          << cases[i].name << ": " << r.error().message;
    }
  }
}

TEST(Engine, MalformedListIsAnError) {
  FakeEngine engine(FakeEngine::Mode::kContentLength,
                    {{"/containers/json", {200, R"([{"Id":"../../etc"}])"}}});
  EngineOptions opts;
  opts.host = engine.host();
  auto r = FetchInspectJson(opts);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("a container without a valid Id"), std::string::npos);
  EXPECT_EQ(engine.requests().size(), 1u);  // Never asked for the bogus path.
}

}  // namespace
}  // namespace shipshape::runtime
