#include "runtime/engine.h"
#include "core/strings.h"

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <climits>
#include <cstring>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

namespace shipshape::runtime {
namespace {

using Clock = std::chrono::steady_clock;

std::string ErrnoText(int err) {
  char buf[256];
  // GNU strerror_r returns the message (maybe not in buf); XSI returns int. g++ defines
  // _GNU_SOURCE.
  const char* s = strerror_r(err, buf, sizeof buf);
  return s ? std::string(s) : "error " + std::to_string(err);
}

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

int RemainingMs(Clock::time_point deadline) {
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  if (ms <= 0) return 0;
  return ms > INT_MAX ? INT_MAX : static_cast<int>(ms);
}

/// 1: ready, 0: deadline passed, -1: poll failed (errno set).
int WaitFor(int fd, short events, Clock::time_point deadline) {
  while (true) {
    pollfd p{fd, events, 0};
    const int r = poll(&p, 1, RemainingMs(deadline));
    if (r < 0 && errno == EINTR) {
      if (Clock::now() >= deadline) return 0;
      continue;
    }
    if (r > 0 && !(p.revents & (events | POLLHUP | POLLERR))) continue;
    return r;
  }
}

// Incremental chunked-transfer decoder (RFC 9112 7.1): fed the growing receive buffer, it
// resumes where it stopped.
class ChunkDecoder {
 public:
  enum class Status { kNeedMore, kDone, kBad };

  explicit ChunkDecoder(size_t start) : pos_(start) {}

  Status Feed(const std::string& buf, std::string* body, std::string* err) {
    while (true) {
      switch (state_) {
        case State::kSize: {
          const size_t eol = buf.find("\r\n", pos_);
          if (eol == std::string::npos)
            return buf.size() - pos_ > 1024 ? Bad(err, "chunk size line too long")
                                            : Status::kNeedMore;
          std::string_view line(buf.data() + pos_, eol - pos_);
          if (size_t semi = line.find(';'); semi != std::string_view::npos)
            line = line.substr(0, semi);
          line = Trim(line);
          if (line.empty()) return Bad(err, "empty chunk size");
          uint64_t size = 0;
          for (char c : line) {
            int d;
            if (c >= '0' && c <= '9')
              d = c - '0';
            else if (c >= 'a' && c <= 'f')
              d = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F')
              d = c - 'A' + 10;
            else
              return Bad(err, "bad chunk size '" + std::string(line) + "'");
            size = size * 16 + static_cast<uint64_t>(d);
            if (size > kMaxResponseBytes) return Bad(err, "response larger than the limit");
          }
          pos_ = eol + 2;
          if (size == 0) {
            state_ = State::kTrailer;
          } else {
            remaining_ = size;
            state_ = State::kData;
          }
          break;
        }
        case State::kData: {
          const size_t take = std::min<size_t>(buf.size() - pos_, remaining_);
          body->append(buf, pos_, take);
          if (body->size() > kMaxResponseBytes) return Bad(err, "response larger than the limit");
          pos_ += take;
          remaining_ -= take;
          if (remaining_ > 0) return Status::kNeedMore;
          state_ = State::kDataEnd;
          break;
        }
        case State::kDataEnd:
          if (buf.size() - pos_ < 2) return Status::kNeedMore;
          if (buf.compare(pos_, 2, "\r\n") != 0) return Bad(err, "chunk not followed by CRLF");
          pos_ += 2;
          state_ = State::kSize;
          break;
        case State::kTrailer: {
          const size_t eol = buf.find("\r\n", pos_);
          if (eol == std::string::npos) return Status::kNeedMore;
          const bool last = eol == pos_;
          pos_ = eol + 2;
          if (last) return Status::kDone;
          break;
        }
      }
    }
  }

 private:
  enum class State { kSize, kData, kDataEnd, kTrailer };
  Status Bad(std::string* err, std::string what) {
    *err = std::move(what);
    return Status::kBad;
  }
  State state_ = State::kSize;
  size_t pos_;
  uint64_t remaining_ = 0;
};

Error ConnectError(std::string_view host, int err) {
  ErrorCode code = ErrorCode::kIo;
  if (err == ENOENT) code = ErrorCode::kNotFound;
  if (err == EACCES || err == EPERM) code = ErrorCode::kPermission;
  return Error{
      code,
      "cannot connect to the Docker engine at " + std::string(host) + ": " + ErrnoText(err),
      {}};
}

Error TimeoutError(std::string_view host, std::string_view target, int timeout_ms) {
  return Error{ErrorCode::kIo,
               "the Docker engine at " + std::string(host) + " did not answer GET " +
                   std::string(target) + " within " + std::to_string(timeout_ms) + " ms",
               {}};
}

Error ProtocolError(std::string_view host, std::string_view target, std::string_view what) {
  return Error{ErrorCode::kIo,
               "bad answer from the Docker engine at " + std::string(host) + " to GET " +
                   std::string(target) + ": " + std::string(what),
               {}};
}

// Parses the status line and headers in buf[0, header_end). Returns false on malformed input.
bool ParseHead(std::string_view head, HttpResponse* r) {
  size_t eol = head.find("\r\n");
  std::string_view status = head.substr(0, eol);
  if (status.substr(0, 7) != "HTTP/1." || status.size() < 12 || status[8] != ' ') return false;
  int code = 0;
  for (size_t i = 9; i < 12; ++i) {
    if (status[i] < '0' || status[i] > '9') return false;
    code = code * 10 + (status[i] - '0');
  }
  if (status.size() > 12 && status[12] != ' ') return false;
  r->status = code;
  r->reason = status.size() > 13 ? std::string(status.substr(13)) : std::string();
  r->headers.clear();
  size_t p = eol == std::string_view::npos ? head.size() : eol + 2;
  while (p < head.size()) {
    size_t e = head.find("\r\n", p);
    if (e == std::string_view::npos) e = head.size();
    std::string_view line = head.substr(p, e - p);
    p = e + 2;
    if (line.empty()) continue;
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) return false;
    r->headers[Lower(Trim(line.substr(0, colon)))] = std::string(Trim(line.substr(colon + 1)));
  }
  return true;
}

bool SendAll(int fd, std::string_view data, Clock::time_point deadline, int* err, bool* timed_out) {
  size_t off = 0;
  while (off < data.size()) {
    const ssize_t n = send(fd, data.data() + off, data.size() - off, MSG_NOSIGNAL);
    if (n > 0) {
      off += static_cast<size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      const int w = WaitFor(fd, POLLOUT, deadline);
      if (w == 0) {
        *timed_out = true;
        return false;
      }
      if (w < 0) {
        *err = errno;
        return false;
      }
      continue;
    }
    *err = n < 0 ? errno : EPIPE;
    return false;
  }
  return true;
}

std::string EngineMessage(const std::string& body) {
  auto j = nlohmann::json::parse(body, nullptr, false);
  if (j.is_object()) {
    auto it = j.find("message");
    if (it != j.end() && it->is_string()) return it->get<std::string>();
  }
  std::string s(Trim(body.substr(0, 200)));
  for (char& c : s)
    if (c == '\n' || c == '\r') c = ' ';
  return s;
}

Error StatusError(std::string_view host, std::string_view target, const HttpResponse& r) {
  std::string msg = "the Docker engine at " + std::string(host) + " answered GET " +
                    std::string(target) + " with " + std::to_string(r.status);
  if (!r.reason.empty()) msg += " " + r.reason;
  const std::string detail = EngineMessage(r.body);
  if (!detail.empty()) msg += ": " + detail;
  return Error{ErrorCode::kIo, msg, {}};
}

bool ValidId(std::string_view id) {
  if (id.empty() || id.size() > 128) return false;
  for (char c : id)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
          c == '.' || c == '-'))
      return false;
  return true;
}

}  // namespace

std::string DockerHostFromEnv(const char* docker_host) {
  if (!docker_host || !*docker_host) return std::string(kDefaultDockerHost);
  return docker_host;
}

Result<std::string> UnixSocketPath(std::string_view host) {
  if (host.substr(0, 7) == "unix://") {
    std::string_view path = host.substr(7);
    if (path.empty())
      return Error{ErrorCode::kUsage, "Docker host `unix://` names no socket path", {}};
    return std::string(path);
  }
  if (!host.empty() && host[0] == '/') return std::string(host);
  return Error{
      ErrorCode::kUsage,
      "cannot use the Docker engine at " + std::string(host) +
          ": only unix:// sockets are supported (not tcp://, ssh://, npipe:// or fd://); "
          "run shipshape on the engine's host with DOCKER_HOST=unix:///path/to/docker.sock, "
          "or give it the output of `docker inspect $(docker ps -q)` instead",
      {}};
}

Result<HttpResponse> HttpGetUnix(const std::string& socket_path, std::string_view target,
                                 int timeout_ms, std::string_view host_for_messages) {
  const std::string_view host = host_for_messages;
  const Clock::time_point deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  if (socket_path.size() >= sizeof(addr.sun_path))
    return Error{ErrorCode::kUsage,
                 "cannot connect to the Docker engine at " + std::string(host) +
                     ": socket path longer than " + std::to_string(sizeof(addr.sun_path) - 1) +
                     " bytes",
                 {}};
  std::memcpy(addr.sun_path, socket_path.data(), socket_path.size());

  Fd fd(socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
  if (fd.get() < 0) return ConnectError(host, errno);
  while (true) {
    if (connect(fd.get(), reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0) break;
    const int e = errno;
    if (e == EINTR) continue;
    if (e == EAGAIN) {
      // A unix socket whose listen backlog is full: connect cannot be polled, only retried.
      if (Clock::now() >= deadline) return TimeoutError(host, target, timeout_ms);
      std::this_thread::sleep_for(
          std::chrono::milliseconds(std::min(10, RemainingMs(deadline) + 1)));
      continue;
    }
    if (e == EINPROGRESS) {
      const int w = WaitFor(fd.get(), POLLOUT, deadline);
      if (w == 0) return TimeoutError(host, target, timeout_ms);
      if (w < 0) return ConnectError(host, errno);
      int so_error = 0;
      socklen_t len = sizeof so_error;
      if (getsockopt(fd.get(), SOL_SOCKET, SO_ERROR, &so_error, &len) < 0)
        return ConnectError(host, errno);
      if (so_error != 0) return ConnectError(host, so_error);
      break;
    }
    return ConnectError(host, e);
  }

  std::string request = "GET " + std::string(target) +
                        " HTTP/1.1\r\nHost: docker\r\nUser-Agent: shipshape/" SHIPSHAPE_VERSION
                        "\r\nAccept: application/json\r\nConnection: close\r\n\r\n";
  int send_err = 0;
  bool timed_out = false;
  if (!SendAll(fd.get(), request, deadline, &send_err, &timed_out)) {
    if (timed_out) return TimeoutError(host, target, timeout_ms);
    return Error{ErrorCode::kIo,
                 "lost the connection to the Docker engine at " + std::string(host) + ": " +
                     ErrnoText(send_err),
                 {}};
  }

  enum class Framing { kUnknown, kLength, kChunked, kClose, kNone };
  Framing framing = Framing::kUnknown;
  HttpResponse resp;
  std::string buf;
  size_t body_start = 0;
  size_t content_length = 0;
  std::optional<ChunkDecoder> chunks;
  char tmp[65536];
  bool eof = false;
  while (true) {
    if (framing == Framing::kUnknown) {
      const size_t end = buf.find("\r\n\r\n");
      if (end != std::string::npos) {
        if (!ParseHead(std::string_view(buf).substr(0, end), &resp))
          return ProtocolError(host, target, "malformed status line or headers");
        body_start = end + 4;
        if (resp.status >= 100 && resp.status < 200) {
          // Interim response (100 Continue): drop it and read the real one.
          buf.erase(0, body_start);
          continue;
        }
        auto te = resp.headers.find("transfer-encoding");
        auto cl = resp.headers.find("content-length");
        if (resp.status == 204 || resp.status == 304) {
          framing = Framing::kNone;
        } else if (te != resp.headers.end() &&
                   Lower(te->second).find("chunked") != std::string::npos) {
          framing = Framing::kChunked;
          chunks.emplace(body_start);
        } else if (cl != resp.headers.end()) {
          std::string_view v = cl->second;
          if (v.empty() || v.size() > 12) return ProtocolError(host, target, "bad Content-Length");
          for (char c : v) {
            if (c < '0' || c > '9') return ProtocolError(host, target, "bad Content-Length");
            content_length = content_length * 10 + static_cast<size_t>(c - '0');
          }
          if (content_length > kMaxResponseBytes)
            return ProtocolError(host, target, "response larger than the limit");
          framing = Framing::kLength;
        } else {
          framing = Framing::kClose;
        }
      } else if (buf.size() > (1u << 20)) {
        return ProtocolError(host, target, "response headers larger than 1 MiB");
      }
    }
    // Complete?
    if (framing == Framing::kNone) break;
    if (framing == Framing::kLength && buf.size() - body_start >= content_length) {
      resp.body = buf.substr(body_start, content_length);
      break;
    }
    if (framing == Framing::kChunked) {
      std::string err;
      const auto st = chunks->Feed(buf, &resp.body, &err);
      if (st == ChunkDecoder::Status::kDone) break;
      if (st == ChunkDecoder::Status::kBad) return ProtocolError(host, target, err);
    }
    if (framing == Framing::kClose && eof) {
      resp.body = buf.substr(body_start);
      break;
    }
    if (eof) {
      return ProtocolError(host, target,
                           framing == Framing::kUnknown
                               ? "connection closed before the response headers"
                               : "connection closed before the response was complete");
    }
    if (buf.size() > kMaxResponseBytes + (1u << 20))
      return ProtocolError(host, target, "response larger than the limit");

    const int w = WaitFor(fd.get(), POLLIN, deadline);
    if (w == 0) return TimeoutError(host, target, timeout_ms);
    if (w < 0) return ProtocolError(host, target, ErrnoText(errno));
    const ssize_t n = recv(fd.get(), tmp, sizeof tmp, 0);
    if (n > 0) {
      buf.append(tmp, static_cast<size_t>(n));
    } else if (n == 0) {
      eof = true;
    } else if (errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK) {
      return ProtocolError(host, target, ErrnoText(errno));
    }
  }
  return resp;
}

Result<std::string> FetchInspectJson(const EngineOptions& opts) {
  const std::string host = opts.host.empty() ? std::string(kDefaultDockerHost) : opts.host;
  Result<std::string> path = UnixSocketPath(host);
  if (!path.ok()) return path.error();

  const std::string list_target = opts.all ? "/containers/json?all=1" : "/containers/json";
  Result<HttpResponse> list = HttpGetUnix(*path, list_target, opts.timeout_ms, host);
  if (!list.ok()) return list.error();
  if (list->status != 200) return StatusError(host, list_target, *list);
  const nlohmann::json ids = nlohmann::json::parse(list->body, nullptr, false);
  if (!ids.is_array())
    return ProtocolError(host, list_target, "expected a JSON array of containers");

  std::string out = "[";
  bool first = true;
  for (const nlohmann::json& e : ids) {
    auto id = e.is_object() ? e.find("Id") : e.end();
    if (!e.is_object() || id == e.end() || !id->is_string() ||
        !ValidId(id->get_ref<const std::string&>()))
      return ProtocolError(host, list_target, "a container without a valid Id");
    const std::string target = "/containers/" + id->get<std::string>() + "/json";
    Result<HttpResponse> one = HttpGetUnix(*path, target, opts.timeout_ms, host);
    if (!one.ok()) return one.error();
    if (one->status == 404) continue;  // Removed since the listing.
    if (one->status != 200) return StatusError(host, target, *one);
    // Each body must be one JSON object, or joining them could change the array's structure.
    if (!nlohmann::json::parse(one->body, nullptr, false).is_object())
      return ProtocolError(host, target, "expected one JSON object");
    if (!first) out += ",\n";
    first = false;
    out += one->body;
  }
  out += "]\n";
  return out;
}

}  // namespace shipshape::runtime
