# syntax=docker/dockerfile:1.7.1
# shipshape's own image: the CLI and the shared libraries it links, nothing else.
#
# Everything the build needs is in this tree (the Compose and SARIF schemas are vendored in
# third_party/):
#
#   docker build -t shipshape .
#   docker run --rm -v "$PWD:/src:ro" shipshape                         # shipshape check .
#   docker run --rm -u "$(id -u):$(id -g)" -v "$PWD:/src" shipshape fix .
#
# Debian 12 throughout: the build stage's -dev packages and the runtime stage's libraries are the
# same Debian release, so the binary finds exactly the ABI it was built against.

FROM debian:12-slim AS build
# Versions come from the pinned Debian release (12-slim); pinning each package as well would break
# the build at every Debian point release, for no gain in reproducibility of this toolchain stage.
# shipshape ignore=DF044
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        cmake \
        g++ \
        libfmt-dev \
        libfyaml-dev \
        libgmock-dev \
        libgtest-dev \
        libre2-dev \
        libvalijson-dev \
        ninja-build \
        nlohmann-json3-dev \
        pkg-config \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY CMakeLists.txt ./
COPY cmake/ cmake/
COPY data/ data/
COPY src/ src/
COPY third_party/ third_party/
# GoogleTest/GoogleMock are only there because CMake configures the test target; just the CLI
# is built.
RUN cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DSHIPSHAPE_BENCH=OFF \
    && cmake --build build --target shipshape \
    && strip build/shipshape \
    && build/shipshape version

FROM debian:12-slim
ARG VERSION=0.1.0
LABEL org.opencontainers.image.title="shipshape" \
      org.opencontainers.image.description="Audits, fixes and completes Docker infrastructure: Dockerfiles, Compose files, .dockerignore, .env" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.base.name="docker.io/library/debian:12-slim"
# Same reasoning as in the build stage: the Debian release pins the versions.
# shipshape ignore=DF044
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libfmt9 \
        libfyaml0 \
        libre2-9 \
        libstdc++6 \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/build/shipshape /usr/local/bin/shipshape
# Any non-root uid works; the repository is mounted at /src (read-only for `check`).
USER 65532:65532
WORKDIR /src
# A command-line tool that exits when done: there is no service to probe.
HEALTHCHECK NONE
ENTRYPOINT ["/usr/local/bin/shipshape"]
CMD ["check", "."]
